//! `evex list` searching the bundled store as a person types it: typos forgiven, operators,
//! and a clear word when a query cannot be understood or matches nothing.

use assert_cmd::Command;
use predicates::prelude::*;

fn list(args: &[&str]) -> assert_cmd::assert::Assert {
    let mut evex = Command::cargo_bin("evex").expect("the evex binary builds");
    evex.env("XDG_CACHE_HOME", env!("CARGO_TARGET_TMPDIR"));
    evex.args(["list", "-f", "csv"]).args(args).assert()
}

fn rows(args: &[&str]) -> usize {
    let out = list(args).success().get_output().stdout.clone();
    String::from_utf8(out).unwrap().lines().count() - 1
}

#[test]
fn typos_in_actor_names_find_the_actor() {
    let exact = rows(&["-a", "lukashenko"]);
    assert!(exact > 0);
    for typo in ["lukashenka", "lukaschenko", "lukashanko"] {
        assert_eq!(rows(&["-a", typo]), exact, "{typo}");
    }
    assert!(rows(&["-a", "putim"]) > 0);
    assert!(rows(&["-a", "bakijev"]) > 0);
}

#[test]
fn folding_exclusion_either_and_scopes() {
    assert_eq!(rows(&["-q", "Belarus's"]), rows(&["-q", "Belarus’s"]));
    assert!(rows(&["-q", "Belarus's"]) > 0);
    let all = rows(&[]);
    let minsk = rows(&["-q", "minsk"]);
    assert_eq!(rows(&["-q", "-minsk"]), all - minsk);
    assert_eq!(rows(&["-q", "!minsk"]), all - minsk);
    let bishkek = rows(&["-q", "bishkek"]);
    let both = rows(&["-q", "minsk bishkek"]);
    assert_eq!(rows(&["-q", "minsk | bishkek"]), minsk + bishkek - both);
    assert!(rows(&["-q", "diplomacy"]) > 0, "kinds match as words");
    assert_eq!(rows(&["-q", "kind:dip"]), rows(&["-q", "diplomacy"]));
    assert!(rows(&["-q", "Ramani"]) > 0, "source authors match as words");
    assert!(rows(&["-q", "source:diplomat"]) > 0);
    assert!(rows(&["-q", "..2005"]) > 0);
}

#[test]
fn a_query_that_cannot_be_understood_says_why_and_exits_2() {
    list(&["-q", "minsk 2013..2010"])
        .code(2)
        .stderr(predicate::str::contains(
            "column 7: `2013..2010` is a reversed range; write `2010..2013`",
        ));
    list(&["-q", "2015-13"])
        .code(2)
        .stderr(predicate::str::contains("month 13"));
    list(&["-y", "2013..2010"])
        .code(2)
        .stderr(predicate::str::contains("reversed range"));
}

#[test]
fn no_match_is_said_on_stderr_with_a_suggestion() {
    list(&["-a", "zzyzx", "-q", "minsk"])
        .success()
        .stderr(predicate::str::contains("no events match"));
    list(&["-q", "tractor"])
        .success()
        .stderr(predicate::str::contains("no events match"));
}

/// The exact stderr of a `list` that matched nothing.
fn stderr_of(args: &[&str]) -> String {
    let out = list(args).success().get_output().stderr.clone();
    String::from_utf8(out).unwrap()
}

#[test]
fn no_match_names_the_unknown_words_and_actors_with_the_nearest() {
    assert_eq!(
        stderr_of(&["-q", "minks"]),
        "evex: no events match: no event has “minks” (did you mean minsk, links?)\n"
    );
    assert_eq!(
        stderr_of(&["-q", "bishkekk @xqxq"]),
        "evex: no events match: no event has “bishkekk” (did you mean bishkek?); \
         no actor is “xqxq”\n"
    );
    assert_eq!(
        stderr_of(&["-q", "Diplomacyy"]),
        "evex: no events match: no event has “diplomacyy” \
         (did you mean diplomacy, diplomat, diplomatic?)\n",
        "folded as the index is"
    );
    assert_eq!(
        stderr_of(&["-a", "zzyzx", "-q", "minsk"]),
        "evex: no events match: no actor is “zzyzx”\n"
    );
    assert_eq!(
        stderr_of(&["-q", "tractor"]),
        "evex: no events match: no event has “tractor”\n",
        "nothing near"
    );
    assert_eq!(
        stderr_of(&["-q", "@putin 1998"]),
        "evex: no events match\n",
        "every word is known; together they match nothing"
    );
}
