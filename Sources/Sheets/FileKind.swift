import Glibc

/// What a path names, without following a final symbolic link: outputs replace only regular
/// files (or fill folders), never a link, a device or a FIFO.
public enum FileKind: Sendable, Equatable {
  case regular, directory, symbolicLink, characterDevice, blockDevice, fifo, socket

  /// The kind of what is at `path`, nil when nothing is there (or it cannot be examined).
  public static func of(_ path: String) -> FileKind? {
    var info = stat()
    guard lstat(path, &info) == 0 else { return nil }
    switch info.st_mode & S_IFMT {
    case S_IFREG: return .regular
    case S_IFDIR: return .directory
    case S_IFLNK: return .symbolicLink
    case S_IFCHR: return .characterDevice
    case S_IFBLK: return .blockDevice
    case S_IFIFO: return .fifo
    default: return .socket
    }
  }

  /// The kind's name in a message.
  public func name(_ language: Language) -> String {
    let zh = language == .zh
    switch self {
    case .regular: return zh ? "普通文件" : "regular file"
    case .directory: return zh ? "文件夹" : "folder"
    case .symbolicLink: return zh ? "符号链接" : "symbolic link"
    case .characterDevice: return zh ? "字符设备" : "character device"
    case .blockDevice: return zh ? "块设备" : "block device"
    case .fifo: return zh ? "命名管道（FIFO）" : "FIFO"
    case .socket: return zh ? "套接字" : "socket"
    }
  }
}

extension Paths {
  /// Whether `path` leads to a folder, following symbolic links.
  package static func leadsToFolder(_ path: String) -> Bool {
    var info = stat()
    return stat(path, &info) == 0 && info.st_mode & S_IFMT == S_IFDIR
  }

  /// Throws `folderNotWritable` when files cannot be created in the folder `path` (read-only
  /// file system, no permission), so that a command refuses before it reads and checks.
  package static func checkWritableFolder(_ path: String) throws(WriteError) {
    guard access(path, W_OK | X_OK) == 0 else { throw WriteError.folderNotWritable(path: path, errno: errno) }
  }

  /// Creates the folder `path` and any missing parents (`mkdir -p`); an existing folder is fine.
  package static func createFolders(_ path: String) throws(WriteError) {
    guard !path.isEmpty, path != "/", path != "." else { return }
    switch FileKind.of(path) {
    case .directory: return
    case .symbolicLink:
      if leadsToFolder(path) { return }  // a link to a folder is a folder
      throw WriteError.parentNotAFolder(path: path)
    case nil: break
    default: throw WriteError.parentNotAFolder(path: path)
    }
    try createFolders(parent(path))
    guard mkdir(path, 0o777) == 0 || errno == EEXIST else {
      throw WriteError.io(path: path, operation: "mkdir", errno: errno)
    }
  }
}
