import JixiaoData
import JixiaoDiagnostics
import JixiaoModel
import JixiaoPublish

/// The preview's only contact with the publishing module: one publish of the data folder into
/// the preview's private output folder, and what came of it. Kept in one place so that a new
/// layout of the publishing modules changes this file alone.
enum PublishStep {
    enum Outcome {
        case published(years: [Int], pageCount: Int)
        /// The data has errors: the diagnostics, with the sources their lines are quoted from.
        case dataErrors([Diagnostic], sources: [String: SourceFile])
        /// Anything else that stopped the publish (missing templates, an unwritable folder).
        case failed(String)
    }

    static func run(data: String, encoding: SourceEncoding, templates: String, output: String) -> Outcome {
        let options = PublishOptions(dataDirectory: data, outputDirectory: output,
                                     templatesDirectory: templates, encoding: encoding)
        do {
            let report = try Publisher.publish(options)
            // A district's site opens at its own index, not at a year's.
            return .published(years: report.isDistrict ? [] : report.years, pageCount: report.pageCount)
        } catch let failure as PublishFailure {
            // The failure names lines but does not carry the texts; they are read again, in the
            // same encoding, so that the page quotes what the user wrote.
            return .dataErrors(failure.diagnostics, sources: DataSetLoader.loadUnits(directory: data, encoding: encoding).sources)
        } catch {
            return .failed("\(error)")
        }
    }
}
