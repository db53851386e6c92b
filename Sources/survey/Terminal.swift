import Foundation

/// Where the command layer talks to people: stderr for messages, stdout for results.
///
/// Both go through write(2) directly. SIGPIPE is ignored process-wide (`prepareStreams`), so a
/// closed pipe shows up as EPIPE from a write instead of killing the process mid-import:
/// - stdout (results) checks every write: EPIPE ends the program quietly, as a reader that
///   has seen enough (`survey stats … | head -1`) expects; any other error (disk full,
///   `/dev/full`, a closed stdout) ends it with exit 1 and a message.
/// - stderr (messages) ignores write errors: a closed or broken stderr
///   (`survey import … 2>&1 | true`) must never stop an import from committing its files.
enum Terminal {
    /// Whether stdout was closed when the program started (`survey stats … >&-`).
    nonisolated(unsafe) private static var outputWasClosed = false

    /// Ignores SIGPIPE and makes sure descriptors 0, 1 and 2 are open, so that no file the
    /// program opens later can become "stdout" by taking a free low number. Call first thing.
    static func prepareStreams() {
        signal(SIGPIPE, SIG_IGN)
        for descriptor: Int32 in 0...2 where fcntl(descriptor, F_GETFD) == -1 && errno == EBADF {
            let placeholder = open("/dev/null", descriptor == 0 ? O_RDONLY : O_WRONLY)
            if descriptor == 1 { outputWasClosed = true }
            if placeholder >= 0, placeholder != descriptor {
                dup2(placeholder, descriptor)
                close(placeholder)
            }
        }
    }

    /// Writes a line to standard error; a failure to write is ignored (see above).
    /// Every line for people goes through here.
    static func error(_ message: String) {
        _ = writeAll(visible(message) + "\n", to: 2)
    }

    /// Writes results to standard output. Never returns after a failed write: EPIPE ends the
    /// program quietly (killed by SIGPIPE, as without the handler: status 141 in a shell),
    /// any other failure with a message and exit 1.
    static func output(_ text: String) {
        let failure = outputWasClosed ? EBADF : writeAll(text, to: 1)
        guard failure != 0 else { return }
        if failure == EPIPE {
            signal(SIGPIPE, SIG_DFL)
            raise(SIGPIPE)
            exit(141)
        }
        let reason = outputWasClosed || failure == EBADF ? "standard output is closed" : String(cString: strerror(failure))
        error("error: cannot write the output: \(reason)")
        exit(1)
    }

    /// Whether stderr is a terminal that wants colour (never with NO_COLOR).
    static var colorsErrors: Bool {
        isatty(2) == 1 && ProcessInfo.processInfo.environment["NO_COLOR"] == nil
    }

    /// Writes every byte, retrying after EINTR, EAGAIN and short writes; returns 0 or errno.
    static func writeAll(_ text: String, to descriptor: Int32) -> Int32 {
        var text = text
        return text.withUTF8 { bytes -> Int32 in
            var offset = 0
            while offset < bytes.count {
                let count = write(descriptor, bytes.baseAddress! + offset, bytes.count - offset)
                if count < 0 {
                    if errno == EINTR { continue }
                    if errno == EAGAIN {
                        // A descriptor left non-blocking by whoever started us: wait until it takes more.
                        var ready = pollfd(fd: descriptor, events: Int16(POLLOUT), revents: 0)
                        _ = poll(&ready, 1, -1)
                        continue
                    }
                    return errno
                }
                offset += count
            }
            return 0
        }
    }
}
