// The message types (`Language`, `LocalizedMessage`) live in the leaf module Messages, so that
// Budget and Validation can use them without depending on Sheets; Sheets re-exports them for its
// own users, who keep writing `import Sheets`.
@_exported import Messages
