#pragma once

#include <QString>

namespace shopdesk {

/// What kind of failure an operation hit. The numeric values of the first five are the exit codes of
/// every shopdeskctl command, so a service error maps straight onto the CLI contract.
enum class ErrorCode {
    Internal = 1,   ///< anything else: I/O, database failure, a bug
    Usage = 2,      ///< the caller used the command or API wrongly
    NotAllowed = 3, ///< wrong password, locked/disabled account, missing permission, escalation
    NotFound = 4,   ///< unknown account, role, conversation, order ...
    Invalid = 5,    ///< invalid input or an action the current state does not allow
    Busy = 6,       ///< the database is held by another writer beyond the busy timeout
    /// The session is over: the account was disabled, deleted or locked, or its password changed
    /// elsewhere. The message says which; the person must log in again (exit code 3).
    SessionEnded = 7,
};

/// An error a user can read: one clear sentence, never message text, passwords or personal data.
struct Error {
    ErrorCode code = ErrorCode::Internal;
    QString message;

    static Error internal(QString msg) { return {ErrorCode::Internal, std::move(msg)}; }
    static Error usage(QString msg) { return {ErrorCode::Usage, std::move(msg)}; }
    static Error notAllowed(QString msg) { return {ErrorCode::NotAllowed, std::move(msg)}; }
    static Error notFound(QString msg) { return {ErrorCode::NotFound, std::move(msg)}; }
    static Error invalid(QString msg) { return {ErrorCode::Invalid, std::move(msg)}; }
    static Error busy(QString msg) { return {ErrorCode::Busy, std::move(msg)}; }
    static Error sessionEnded(QString msg) { return {ErrorCode::SessionEnded, std::move(msg)}; }
};

/// The shopdeskctl exit status for an error code (0 is success and never an error).
int exitCodeFor(ErrorCode code);

} // namespace shopdesk
