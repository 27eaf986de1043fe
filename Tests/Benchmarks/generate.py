#!/usr/bin/env python3
"""Deterministic synthetic data in Jixiao's format: N project files with their results
files, and a department file — Chinese text, 1–2 indicators per 二级, the value forms of
REFERENCE §3, budgets with breakdowns that add up.

Usage: generate.py N OUT_DIR [--seed S] [--units U]   (writes OUT_DIR/2021/…; with --units, N projects
in each of U units: OUT_DIR/单位001/2021/…, each unit's department file naming its folder)
"""
import argparse
import os
import random

WORDS = "村级组织社区服务经费建设管理安全卫生环境农业就业保障信访综合执法垃圾分类道路绿化过渡补偿培训宣传设施维护改造网格智慧党建考核奖励"
LEVELS = [("产出指标", ["数量指标", "质量指标", "时效指标", "成本指标"]),
          ("效益指标", ["社会效益指标", "可持续影响指标"]),
          ("满意度指标", ["服务对象满意度指标"])]


def phrase(rng, low, high):
    return "".join(rng.choice(WORDS) for _ in range(rng.randint(low, high)))


def value(rng, level2):
    if level2 == "时效指标":
        return rng.choice(["2021年12月底前", "2021年6月30日前", "2021年底前"])
    if level2 == "服务对象满意度指标":
        return rng.choice(["85%以上", "90%以上", "不低于95%"])
    return rng.choice([str(rng.randint(1, 300)), "100%", f"{rng.randint(60, 99)}%", f"低于{rng.randint(1, 10)}%",
                       f"低于{rng.randint(1, 5)}人次", f"{rng.randint(1, 9) * 100}元", f"{rng.randint(1, 9)}万元",
                       f"不超过{rng.randint(2, 9)}个工作日", f"≥{rng.randint(80, 99)}%", "效果明显"])


def project(rng, number):
    name = f"{phrase(rng, 4, 9)}项目{number:05d}"
    items = [(phrase(rng, 3, 6), rng.randint(1, 90), rng.randint(1, 40)) for _ in range(rng.randint(1, 4))]
    total = sum(count * price for _, count, price in items)  # 万元
    lines = [f"序号: {number}", '项目编码: ""', f"项目名称: {name}", "资金用途: >-",
             f"  预算数{total}万元。其中：财政资金{total}万元，其他资金0万元。主要用于" +
             "；".join(f"{i + 1}.{n}{p}万元/个，共{c}个" for i, (n, c, p) in enumerate(items)) + "。",
             "预算:", f"  合计: {total}万元", "  来源:", f"    财政资金: {total}万元", "    其他资金: 0万元", "  明细:"]
    for item_name, count, price in items:
        lines += [f"    - 名称: {item_name}", f"      金额: {count * price}万元", f"      计算: {price}万元/个 × {count}个"]
    lines += ["资金支出计划: [25%, 50%, 75%, 100%]", "绩效目标:"]
    lines += [f"  - {phrase(rng, 8, 20)}" for _ in range(rng.randint(1, 3))]
    lines.append("绩效指标:")
    indicators = []
    for level1, level2s in LEVELS:
        lines.append(f"  {level1}:")
        for level2 in level2s:
            lines.append(f"    {level2}:")
            for _ in range(rng.randint(1, 2)):
                indicator = f"{phrase(rng, 4, 10)}{len(indicators) + 1}"
                target = value(rng, level2)
                indicators.append((indicator, target))
                lines += [f"      - 名称: {indicator}", f"        描述: {phrase(rng, 6, 24)}",
                          f"        指标值: {target}", f"        依据: 上级政策、工作经验"]
    return name, total, "\n".join(lines) + "\n", indicators


def actual(target):
    if target.startswith("2021"):
        return "2021年6月30日" if "6月30日" in target else "2021年12月20日"
    if target.startswith("低于"):
        return "0" + target[3:] if target[2:3].isdigit() and len(target) > 3 and not target[3].isdigit() else "0%"
    digits = "".join(c for c in target if c.isdigit())
    unit = "%" if "%" in target else ("元" if target.endswith("元") and "万" not in target else ("万元" if "万元" in target else ""))
    if "工作日" in target:
        return digits + "个工作日"
    return (digits or "1") + unit


def shortfall(target):
    """An actual value that misses `target`, or None where a miss has no obvious value."""
    digits = "".join(c for c in target if c.isdigit())
    if not digits or target.startswith(("低于", "2021", "不超过")) or "元" in target:
        return None
    short = int(digits) * 4 // 5
    return f"{short}%" if "%" in target else str(short)


def results(rng, name, total, indicators):
    """All targets met and the budget spent, except in about one project in four: there one
    or two indicators fall short, with their reasons, the budget is partly spent, and the
    problems and improvements are written down — as in a real year's self-assessment."""
    misses = set()
    if rng.random() < 0.25:
        candidates = [i for i, (_, target) in enumerate(indicators) if shortfall(target)]
        misses = set(rng.sample(candidates, min(len(candidates), rng.randint(1, 2))))
    spent = f"{total * rng.randint(70, 98) / 100:g}" if misses else str(total)
    lines = ["示例数据: 是", f"项目名称: {name}", f"全年预算数: {total}万元", f"全年执行数: {spent}万元",
             "实际完成情况: " + ("部分完成" if misses else "完成"), "指标:"]
    for index, (indicator, target) in enumerate(indicators):
        lines.append(f"  {indicator}:")
        if index in misses:
            lines += [f"    实际完成值: {shortfall(target)}", f"    偏差原因: {phrase(rng, 8, 20)}"]
        else:
            lines.append(f"    实际完成值: {actual(target)}" if target != "效果明显" else "    实际完成值: 效果明显")
    if misses:
        lines += [f"存在问题: {phrase(rng, 10, 30)}。", f"改进措施: {phrase(rng, 10, 30)}。"]
    return "\n".join(lines) + "\n"


def unit(rng, results_rng, count, first, base, unit_name=None):
    """`count` projects numbered from `first`, with their results and the department file, in `base`."""
    os.makedirs(os.path.join(base, "项目"), exist_ok=True)
    os.makedirs(os.path.join(base, "自评"), exist_ok=True)
    for number in range(first, first + count):
        name, total, text, indicators = project(rng, number)
        with open(os.path.join(base, "项目", name + ".yaml"), "w", encoding="utf-8") as handle:
            handle.write(text)
        with open(os.path.join(base, "自评", name + ".yaml"), "w", encoding="utf-8") as handle:
            handle.write(results(results_rng, name, total, indicators))
    here = os.path.dirname(os.path.abspath(__file__))
    department = os.path.join(os.path.dirname(os.path.dirname(here)), "data", "2021", "部门整体绩效目标.yaml")
    with open(department, encoding="utf-8") as source, open(os.path.join(base, "部门整体绩效目标.yaml"), "w", encoding="utf-8") as target:
        text = source.read()
        target.write(text.replace("单位: 街道办事处", f"单位: {unit_name}", 1) if unit_name else text)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("count", type=int)
    parser.add_argument("out")
    parser.add_argument("--seed", type=int, default=2021)
    parser.add_argument("--units", type=int, default=0, help="so many units of `count` projects each")
    args = parser.parse_args()
    rng = random.Random(args.seed)
    # The results' own sequence: the project files stay what they were before results had any.
    results_rng = random.Random(args.seed + 1)
    if not args.units:
        unit(rng, results_rng, args.count, 1, os.path.join(args.out, "2021"))
        return
    for index in range(args.units):
        name = f"单位{index + 1:03d}"
        unit(rng, results_rng, args.count, index * args.count + 1, os.path.join(args.out, name, "2021"), name)


if __name__ == "__main__":
    main()
