import ArgumentParser
import Foundation

// `-p NAME VALUE` takes two values, which swift-argument-parser cannot express:
// rewrite it to the long form `--param NAME=VALUE` before parsing.
let arguments = Array(CommandLine.arguments.dropFirst())
var rewritten: [String] = []
var i = 0
while i < arguments.count {
    let a = arguments[i]
    if a == "--" {
        rewritten += arguments[i...]
        break
    }
    if a == "-p", i + 2 < arguments.count {
        rewritten += ["--param", arguments[i + 1] + "=" + arguments[i + 2]]
        i += 3
        continue
    }
    rewritten.append(a)
    i += 1
}
ConflictDB.main(rewritten)
