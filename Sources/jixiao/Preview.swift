import ArgumentParser
import Dispatch
import Foundation
import Synchronization
import JixiaoPreview

extension Jixiao {
    struct Preview: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "在浏览器中实时预览：发布、在本机提供页面，数据或模板一改就重新发布并自动刷新",
            discussion: "只在 127.0.0.1 上提供服务。数据有错误时，页面显示诊断信息（文件:行:列 与说明）。按 Ctrl-C 停止。")

        @OptionGroup var data: DataDirectory
        @Option(name: .long, help: "端口（被占用时依次尝试后面的 9 个）") var port: UInt16 = 8421
        @Option(name: .long, help: "模板目录（默认与 publish 相同）") var templates: String?

        func run() async throws {
            let server = PreviewServer(
                options: .init(dataDirectory: data.dataDirectory, encoding: data.encoding,
                               templatesDirectory: try TemplateFolder.locate(option: templates), port: port),
                log: { print($0) })
            let bound: UInt16
            do {
                bound = try await server.start()
            } catch {
                printError("无法启动预览：\(error)")
                throw dataErrorExit
            }
            print("预览地址：http://127.0.0.1:\(bound)/    按 Ctrl-C 停止")
            // Ctrl-C, or a stop from a service manager or `kill`: either way the private folder goes.
            let stops = [SIGINT, SIGTERM].map { number in
                signal(number, SIG_IGN)
                return DispatchSource.makeSignalSource(signal: number, queue: .global())
            }
            let watcher = Task { await server.watch() }
            let stopped = Mutex(false)
            await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
                for stop in stops {
                    stop.setEventHandler {
                        // Only the first stop resumes: a second signal on its heels must not.
                        let first = stopped.withLock { alreadyStopped in
                            defer { alreadyStopped = true }
                            return !alreadyStopped
                        }
                        if first { continuation.resume() }
                    }
                    stop.resume()
                }
            }
            stops.forEach { $0.cancel() }
            watcher.cancel()
            await server.stop()
            print("\n预览已停止")
        }
    }
}
