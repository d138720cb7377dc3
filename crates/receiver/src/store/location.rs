//! Where a store may live: on a local disk (SQLite's WAL needs shared
//! memory that network file systems do not give), in a file only its owner
//! can read (it holds auth tokens).

use smartbill_signup_core::{Error, Message, Result, Status};
use std::path::{Path, PathBuf};

/// Checks the store's location and creates the file owner-only when it
/// does not exist yet. Returns the path to open.
pub(crate) fn prepare(path: &Path) -> Result<PathBuf> {
    if path.as_os_str().is_empty() {
        return Err(store_error(path, Message::StorePathEmpty {}).with_field("store"));
    }
    let dir = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    };
    // A network path is refused before it is touched: a share that does not
    // answer would otherwise hold the caller for the system's SMB timeout.
    if let Some(kind) = network_location(path, &dir) {
        return Err(Error::new(
            Status::StoreNetworkPath,
            Message::StoreOnNetworkShare {
                path: path.display().to_string(),
                kind: Box::new(kind),
            },
        )
        .with_field("store"));
    }
    let dir_meta = std::fs::metadata(&dir).map_err(|e| {
        store_error(
            path,
            Message::StoreDirectoryUnusable {
                dir: dir.display().to_string(),
                cause: e.to_string(),
            },
        )
    })?;
    if !dir_meta.is_dir() {
        return Err(store_error(
            path,
            Message::StoreNotDirectory {
                dir: dir.display().to_string(),
            },
        ));
    }
    match std::fs::metadata(path) {
        Ok(meta) if meta.is_dir() => Err(store_error(path, Message::StoreIsDirectory {})),
        Ok(meta) => {
            check_owner_only(path, &meta)?;
            Ok(path.to_path_buf())
        }
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            create_owner_only(path)?;
            Ok(path.to_path_buf())
        }
        Err(e) => Err(store_error(
            path,
            Message::StoreUnreadable {
                cause: e.to_string(),
            },
        )),
    }
}

/// Creates an empty file readable and writable by its owner only (0600 on
/// Unix; on Windows it inherits its directory's ACL, see the README).
/// SQLite gives the `-wal` and `-shm` files the same permissions.
fn create_owner_only(path: &Path) -> Result<()> {
    let mut options = std::fs::OpenOptions::new();
    options.write(true).create_new(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.mode(0o600);
    }
    match options.open(path) {
        Ok(_) => Ok(()),
        // Another process created it first: it checks the same way.
        Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => {
            let meta = std::fs::metadata(path).map_err(|e| {
                store_error(
                    path,
                    Message::StoreUnreadable {
                        cause: e.to_string(),
                    },
                )
            })?;
            check_owner_only(path, &meta)
        }
        Err(e) => Err(store_error(
            path,
            Message::StoreUncreatable {
                cause: e.to_string(),
            },
        )),
    }
}

#[cfg(unix)]
fn check_owner_only(path: &Path, meta: &std::fs::Metadata) -> Result<()> {
    use std::os::unix::fs::PermissionsExt;
    let mode = meta.permissions().mode() & 0o777;
    if mode & 0o077 != 0 {
        return Err(store_error(
            path,
            Message::StoreNotOwnerOnly {
                mode: format!("{mode:03o}"),
            },
        ));
    }
    Ok(())
}

#[cfg(not(unix))]
fn check_owner_only(_path: &Path, _meta: &std::fs::Metadata) -> Result<()> {
    // Windows: the ACL is the administrator's to set (README: protecting the store).
    Ok(())
}

pub(crate) fn store_error(path: &Path, why: Message) -> Error {
    Error::new(
        Status::Store,
        Message::Store {
            path: path.display().to_string(),
            why: Box::new(why),
        },
    )
    .with_field("store")
}

/// A store failure with its cause as SQLite or the system said it.
pub(crate) fn store_failure(path: &Path, what: Message, cause: &dyn std::fmt::Display) -> Error {
    store_error(
        path,
        Message::WithCause {
            what: Box::new(what),
            cause: cause.to_string(),
        },
    )
}

/// The kind of network location `path` (in `dir`) is on, if it is one.
#[allow(unused_variables)]
fn network_location(path: &Path, dir: &Path) -> Option<Message> {
    #[cfg(windows)]
    {
        if windows_path_is_network(&path.to_string_lossy()) {
            return Some(Message::NetworkUncPath {});
        }
        // A mapped drive letter resolves to \\?\UNC\server\share\...
        if let Ok(real) = std::fs::canonicalize(dir) {
            if windows_path_is_network(&real.to_string_lossy()) {
                return Some(Message::NetworkMappedDrive {
                    dir: dir.display().to_string(),
                    real: real.display().to_string(),
                });
            }
        }
    }
    #[cfg(target_os = "linux")]
    {
        if let Ok(stat) = rustix::fs::statfs(dir) {
            // f_type is i64 on most targets and i32 on some: the magic numbers fit in 32 bits.
            #[allow(clippy::unnecessary_cast)]
            let magic = stat.f_type as u32;
            if let Some(name) = linux_network_filesystem(magic) {
                return Some(Message::NetworkFileSystem { name });
            }
        }
    }
    None
}

/// Whether a Windows path names a network location: a UNC path
/// (`\\server\share`, `//server/share`, `\\?\UNC\server\share`), as
/// opposed to a local one (`C:\`, `\\?\C:\`, `\\.\`).
pub fn windows_path_is_network(path: &str) -> bool {
    let p = path.replace('/', "\\");
    let upper = p.to_ascii_uppercase();
    if upper.starts_with("\\\\?\\UNC\\") {
        return true;
    }
    if upper.starts_with("\\\\?\\") || upper.starts_with("\\\\.\\") {
        return false;
    }
    p.starts_with("\\\\") && p.len() > 2
}

/// The network file system a Linux `statfs` magic number stands for
/// (`linux/magic.h`), if it is one.
pub fn linux_network_filesystem(magic: u32) -> Option<&'static str> {
    Some(match magic {
        0x0000_6969 => "NFS",
        0x0000_517B => "SMB",
        0xFF53_4D42 => "CIFS",
        0xFE53_4D42 => "SMB2",
        0x7375_7245 => "Coda",
        0x5346_414F | 0x6B41_4653 => "AFS",
        0x0102_1997 => "9P",
        0x00C3_6400 => "Ceph",
        0x0000_564C => "NCP",
        0x0BD0_0BD0 => "Lustre",
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn windows_paths() {
        for network in [
            r"\\fileserver\erp\callbacks.db",
            "//fileserver/erp/callbacks.db",
            r"\\?\UNC\fileserver\erp\callbacks.db",
            r"\\?\unc\fileserver\erp",
        ] {
            assert!(windows_path_is_network(network), "{network}");
        }
        for local in [
            r"C:\erp\callbacks.db",
            r"\\?\C:\erp\callbacks.db",
            r"\\.\PhysicalDrive0",
            r"callbacks.db",
            r"\erp\callbacks.db",
            r"\\",
        ] {
            assert!(!windows_path_is_network(local), "{local}");
        }
    }

    #[test]
    fn linux_magic_numbers() {
        assert_eq!(linux_network_filesystem(0x6969), Some("NFS"));
        assert_eq!(linux_network_filesystem(0xFF53_4D42), Some("CIFS"));
        assert_eq!(linux_network_filesystem(0xFE53_4D42), Some("SMB2"));
        // ext4, tmpfs, btrfs, xfs, overlayfs are local.
        for local in [
            0xEF53u32,
            0x0102_1994,
            0x9123_683E,
            0x5846_5342,
            0x794C_7630,
        ] {
            assert_eq!(linux_network_filesystem(local), None, "{local:x}");
        }
    }

    #[cfg(unix)]
    #[test]
    fn files_are_created_owner_only_and_shared_ones_refused() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("cb.db");
        prepare(&path).unwrap();
        let mode = std::fs::metadata(&path).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode, 0o600);
        std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o644)).unwrap();
        let e = prepare(&path).unwrap_err();
        assert_eq!(e.status(), Status::Store);
        assert!(e.message().contains("chmod 600"), "{}", e.message());
    }

    #[test]
    fn missing_directories_and_directories_are_refused() {
        let dir = tempfile::tempdir().unwrap();
        let e = prepare(&dir.path().join("missing/cb.db")).unwrap_err();
        assert_eq!(e.status(), Status::Store);
        assert!(e.message().contains("directory"), "{}", e.message());
        let e = prepare(dir.path()).unwrap_err();
        assert!(e.message().contains("is a directory"), "{}", e.message());
    }
}
