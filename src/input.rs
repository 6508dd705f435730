//! Reading a store's text from a file, standard input or the bundled store.

use std::io::{self, Read};
use std::path::{Path, PathBuf};

use crate::store::BUNDLED;
use crate::text::sanitize;

/// A store's text and the name to show in messages, sanitized: a file name can hold escape
/// sequences, and every message that names the file reaches the terminal.
#[derive(Debug, Clone)]
pub struct Input {
    pub name: String,
    pub text: String,
}

/// Why a store's text could not be read.
#[derive(Debug, thiserror::Error)]
pub enum InputError {
    #[error("{0}: no such file; check the path, or run `evex` with no file for the bundled store")]
    NotFound(String),
    #[error("{0}: is a directory; give the path of a .ron store file")]
    Directory(String),
    #[error(
        "{0}: is a device or socket, not a file (reading it might never end); give the path of a .ron store file, or `-` to read standard input"
    )]
    Device(String),
    #[error("{0}: permission denied; check the file's permissions (chmod +r)")]
    Permission(String),
    #[error(
        "{name}: not UTF-8 text (invalid byte 0x{byte:02x} at byte {offset}, line {line}); save the store as UTF-8"
    )]
    NotUtf8 {
        name: String,
        offset: usize,
        line: usize,
        byte: u8,
    },
    #[error("{name}: cannot read: {source}")]
    Other { name: String, source: io::Error },
}

/// Where the store comes from: a path, `-` for standard input, or none for the bundled one.
pub fn read(path: Option<&Path>) -> Result<Input, InputError> {
    let Some(path) = path else {
        return Ok(Input {
            name: "events.ron (bundled)".into(),
            text: BUNDLED.into(),
        });
    };
    let (name, bytes) = if path == Path::new("-") {
        let name = "<stdin>".to_owned();
        let mut bytes = Vec::new();
        io::stdin()
            .read_to_end(&mut bytes)
            .map_err(|source| InputError::Other {
                name: name.clone(),
                source,
            })?;
        (name, bytes)
    } else {
        let name = display_name(path);
        (name.clone(), read_file(path.to_path_buf(), name)?)
    };
    text(name, bytes)
}

/// The text of `bytes` read from `name`, which must be UTF-8.
pub fn text(name: String, bytes: Vec<u8>) -> Result<Input, InputError> {
    match String::from_utf8(bytes) {
        Ok(text) => Ok(Input { name, text }),
        Err(e) => {
            let offset = e.utf8_error().valid_up_to();
            let bytes = e.as_bytes();
            Err(InputError::NotUtf8 {
                line: bytes[..offset].iter().filter(|&&b| b == b'\n').count() + 1,
                byte: bytes[offset],
                offset,
                name,
            })
        }
    }
}

/// A path as messages show it: control characters and bidi overrides made visible.
pub fn display_name(path: &Path) -> String {
    sanitize(&path.display().to_string()).into_owned()
}

/// Opens a file (`-` for standard input) to be read as a stream, and its name for messages.
pub fn open(path: &Path) -> Result<(String, Box<dyn Read + Send>), InputError> {
    if path == Path::new("-") {
        return Ok(("<stdin>".into(), Box::new(io::stdin())));
    }
    let name = display_name(path);
    refuse_non_files(path, &name)?;
    match std::fs::File::open(path) {
        Ok(file) => Ok((name, Box::new(file))),
        Err(source) => Err(match source.kind() {
            io::ErrorKind::NotFound => InputError::NotFound(name),
            io::ErrorKind::PermissionDenied => InputError::Permission(name),
            _ => InputError::Other { name, source },
        }),
    }
}

/// Directories, devices and sockets are not stores: `/dev/zero` would fill memory and
/// `/dev/tty` wait for keys. A FIFO is read as `cat` would read it (`evex list <(gen)`).
fn refuse_non_files(path: &Path, name: &str) -> Result<(), InputError> {
    use std::os::unix::fs::FileTypeExt;
    if path.is_dir() {
        return Err(InputError::Directory(name.to_owned()));
    }
    if let Ok(kind) = std::fs::metadata(path).map(|m| m.file_type())
        && (kind.is_char_device() || kind.is_block_device() || kind.is_socket())
    {
        return Err(InputError::Device(name.to_owned()));
    }
    Ok(())
}

fn read_file(path: PathBuf, name: String) -> Result<Vec<u8>, InputError> {
    refuse_non_files(&path, &name)?;
    std::fs::read(&path).map_err(|source| match source.kind() {
        io::ErrorKind::NotFound => InputError::NotFound(name),
        io::ErrorKind::PermissionDenied => InputError::Permission(name),
        io::ErrorKind::IsADirectory => InputError::Directory(name),
        _ => InputError::Other { name, source },
    })
}
