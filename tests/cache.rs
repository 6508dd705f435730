//! The load cache: a fresh copy is read back equal to the store, and anything stale, corrupt
//! or foreign is ignored, so the RON file stays the one source of truth.

mod common;

use std::fs::{self, File};
use std::os::unix::fs::{DirBuilderExt, PermissionsExt};
use std::path::Path;

use assert_cmd::Command;
use common::stores::talks;
use evex::cache::{Cache, Key};
use evex::index::Index;
use evex::store::{self, Store};

fn save(cache: &Cache, path: &Path) -> Store {
    let text = fs::read_to_string(path).unwrap();
    let store = store::parse(&text).unwrap().store;
    let key = Key::new(&fs::metadata(path).unwrap(), text.as_bytes());
    cache
        .save(path, key, &store, &Index::new(&store), 2)
        .unwrap();
    store
}

#[test]
fn a_fresh_copy_reads_back_equal() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("talks.ron");
    fs::write(&path, talks(500)).unwrap();
    let cache = Cache::new(dir.path().join("cache"));
    let store = save(&cache, &path);
    let cached = cache.load(&path).expect("a fresh copy");
    assert_eq!(cached.store.events, store.events);
    assert_eq!(cached.store.actors, store.actors);
    assert_eq!(cached.warnings, 2);
    let index = Index::new(&store);
    assert_eq!(
        cached.index.read().expect("the index reads back").words,
        index.words
    );
}

#[test]
fn a_changed_file_is_parsed_again_even_with_the_same_size_and_time() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("talks.ron");
    let text = talks(200);
    fs::write(&path, &text).unwrap();
    let cache = Cache::new(dir.path().join("cache"));
    save(&cache, &path);
    let modified = fs::metadata(&path).unwrap().modified().unwrap();
    // Same length, same modification time, one letter different.
    fs::write(&path, text.replacen("border treaty", "border Treaty", 1)).unwrap();
    File::options()
        .write(true)
        .open(&path)
        .unwrap()
        .set_modified(modified)
        .unwrap();
    assert!(cache.load(&path).is_none(), "the content hash differs");
    // A touched file with the same bytes is a new modification time: parsed again too.
    fs::write(&path, &text).unwrap();
    assert!(cache.load(&path).is_none());
}

#[test]
fn corrupt_or_truncated_copies_are_ignored() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("talks.ron");
    fs::write(&path, talks(300)).unwrap();
    let cache = Cache::new(dir.path().join("cache"));
    save(&cache, &path);
    let copy = cache.file_for(&path);
    let bytes = fs::read(&copy).unwrap();
    for cut in [0, 5, 40, bytes.len() / 2, bytes.len() - 1] {
        fs::write(&copy, &bytes[..cut]).unwrap();
        assert!(cache.load(&path).is_none(), "cut at {cut}");
    }
    for at in [12, 60, bytes.len() / 3, bytes.len() - 3] {
        let mut flipped = bytes.clone();
        flipped[at] ^= 0x20;
        fs::write(&copy, &flipped).unwrap();
        assert!(cache.load(&path).is_none(), "byte {at} flipped");
    }
    fs::write(&copy, &bytes).unwrap();
    assert!(cache.load(&path).is_some());
}

#[test]
fn the_binary_caches_big_stores_in_the_xdg_cache_dir_and_rebuilds_bad_copies() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("talks.ron");
    fs::write(&path, talks(4_500)).unwrap();
    let xdg = dir.path().join("xdg");
    let list = || {
        let out = Command::cargo_bin("evex")
            .unwrap()
            .env("XDG_CACHE_HOME", &xdg)
            .args(["list", "-f", "csv", "-q", "treaty @beta 1995..1999"])
            .arg(&path)
            .output()
            .unwrap();
        assert!(out.status.success(), "{out:?}");
        String::from_utf8(out.stdout).unwrap()
    };
    let parsed = list();
    assert_eq!(parsed.lines().count(), 1 + 150, "a header and 150 events");
    let cache = Cache::new(xdg.join("evex"));
    let copy = cache.file_for(&path);
    assert!(copy.exists(), "the copy is in $XDG_CACHE_HOME/evex");
    assert_eq!(
        fs::read_dir(dir.path()).unwrap().count(),
        2,
        "nothing beside the store"
    );
    assert!(cache.load(&path).is_some());
    assert_eq!(list(), parsed, "read from the copy");
    fs::write(&copy, b"evexcache\nnot a store").unwrap();
    assert_eq!(list(), parsed, "a corrupt copy is ignored");
    assert!(cache.load(&path).is_some(), "and written again");
}

/// Runs `evex list` on `path` with `xdg` as the cache home, giving up after 20 s (a blocked
/// evex is killed, and the test fails).
fn list_within_20s(xdg: &Path, path: &Path) -> std::process::Output {
    let child = std::process::Command::new(env!("CARGO_BIN_EXE_evex"))
        .env("XDG_CACHE_HOME", xdg)
        .args(["list", "-f", "csv"])
        .arg(path)
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    let pid = child.id().to_string();
    let (done, finished) = std::sync::mpsc::channel();
    std::thread::spawn(move || done.send(child.wait_with_output().unwrap()));
    match finished.recv_timeout(std::time::Duration::from_secs(20)) {
        Ok(out) => out,
        Err(_) => {
            let _ = std::process::Command::new("kill")
                .args(["-9", &pid])
                .status();
            panic!("evex list blocked");
        }
    }
}

#[test]
fn a_fifo_at_the_copys_path_is_skipped_not_waited_on() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("talks.ron");
    fs::write(&path, talks(4_500)).unwrap();
    let xdg = dir.path().join("xdg");
    let cache = Cache::new(xdg.join("evex"));
    fs::DirBuilder::new()
        .recursive(true)
        .mode(0o700)
        .create(xdg.join("evex"))
        .unwrap();
    let fifo = cache.file_for(&path);
    let made = std::process::Command::new("mkfifo")
        .arg(&fifo)
        .status()
        .unwrap();
    assert!(made.success());
    let out = list_within_20s(&xdg, &path);
    assert!(out.status.success(), "{out:?}");
    assert_eq!(String::from_utf8_lossy(&out.stdout).lines().count(), 4_501);
    assert!(
        cache.load(&path).is_some(),
        "the FIFO was replaced by a real copy"
    );
}

/// Where the frames after the header start in a copy: the magic line, then the header
/// frame's length, checksum and bytes.
fn after_header(copy: &[u8]) -> usize {
    let len = u64::from_le_bytes(copy[10..18].try_into().unwrap());
    10 + 16 + usize::try_from(len).unwrap()
}

#[test]
fn a_copy_spliced_from_two_genuine_copies_is_rejected() {
    let dir = tempfile::tempdir().unwrap();
    let (a, b) = (dir.path().join("a.ron"), dir.path().join("b.ron"));
    fs::write(&a, talks(300)).unwrap();
    fs::write(&b, talks(300).replace("Talks number", "Walks number")).unwrap();
    let cache = Cache::new(dir.path().join("cache"));
    save(&cache, &a);
    save(&cache, &b);
    let (copy_a, copy_b) = (
        fs::read(cache.file_for(&a)).unwrap(),
        fs::read(cache.file_for(&b)).unwrap(),
    );
    // The header of a's copy (fresh for a.ron), then every frame of b's copy.
    let mut spliced = copy_a[..after_header(&copy_a)].to_vec();
    spliced.extend_from_slice(&copy_b[after_header(&copy_b)..]);
    fs::write(cache.file_for(&a), &spliced).unwrap();
    assert!(cache.load(&a).is_none(), "b's events are not a's");
    // Frames swapped within one genuine copy: the head frame and the first chunk.
    fs::write(cache.file_for(&a), &copy_a).unwrap();
    assert!(cache.load(&a).is_some());
    let frame_end = |at: usize| {
        at + 16
            + usize::try_from(u64::from_le_bytes(copy_a[at..at + 8].try_into().unwrap())).unwrap()
    };
    let head = after_header(&copy_a);
    let chunk = frame_end(head);
    let mut swapped = copy_a[..head].to_vec();
    swapped.extend_from_slice(&copy_a[chunk..frame_end(chunk)]);
    swapped.extend_from_slice(&copy_a[head..chunk]);
    swapped.extend_from_slice(&copy_a[frame_end(chunk)..]);
    fs::write(cache.file_for(&a), &swapped).unwrap();
    assert!(cache.load(&a).is_none(), "frames out of place");
}

#[test]
fn a_cache_directory_others_can_write_to_is_not_used() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("talks.ron");
    fs::write(&path, talks(4_500)).unwrap();
    let xdg = dir.path().join("xdg");
    let shared = xdg.join("evex");
    fs::create_dir_all(&shared).unwrap();
    for mode in [0o777, 0o770, 0o1777] {
        fs::set_permissions(&shared, fs::Permissions::from_mode(mode)).unwrap();
        let out = list_within_20s(&xdg, &path);
        assert!(out.status.success(), "{out:?}");
        let err = String::from_utf8_lossy(&out.stderr);
        assert_eq!(
            err.matches("not using the cache").count(),
            1,
            "said once: {err}"
        );
        assert!(err.contains("others may write to it"), "{err}");
        assert_eq!(fs::read_dir(&shared).unwrap().count(), 0, "no copy written");
    }
    // Owned by someone else (only root can hand a directory to another user).
    if rustix::process::geteuid().is_root() {
        fs::set_permissions(&shared, fs::Permissions::from_mode(0o700)).unwrap();
        std::os::unix::fs::chown(&shared, Some(4_242), None).unwrap();
        let out = list_within_20s(&xdg, &path);
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(err.contains("belongs to user 4242, not to you"), "{err}");
        assert_eq!(fs::read_dir(&shared).unwrap().count(), 0, "no copy written");
    }
    // The user's own private directory is used.
    std::os::unix::fs::chown(&shared, Some(rustix::process::geteuid().as_raw()), None).unwrap();
    fs::set_permissions(&shared, fs::Permissions::from_mode(0o700)).unwrap();
    let out = list_within_20s(&xdg, &path);
    assert!(!String::from_utf8_lossy(&out.stderr).contains("not using"));
    assert_eq!(
        fs::read_dir(&shared).unwrap().count(),
        1,
        "a copy is written"
    );
}
