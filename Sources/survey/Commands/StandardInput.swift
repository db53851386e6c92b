/// `-` among the response files: standard input, as in most Unix tools (`… | survey stats
/// def.yaml -`). Read through `/dev/stdin`, which the readers already take as a pipe (streamed by
/// one reader, never mapped), so messages name the input `/dev/stdin`.
enum StandardInput {
    static func path(_ argument: String) -> String {
        argument == "-" ? "/dev/stdin" : argument
    }
}
