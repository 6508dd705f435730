//! CAMEO, the event and actor codes GDELT and ICEWS use: the root event labels, which evex
//! kind each root maps to, and actor kinds from actor type codes.

use crate::store::{ActorKind, EventKind};

/// The twenty root event codes, their labels and the evex kinds they map to.
pub const ROOTS: [(&str, &str, EventKind); 20] = [
    ("01", "Make public statement", EventKind::Statement),
    ("02", "Appeal", EventKind::Statement),
    ("03", "Express intent to cooperate", EventKind::Diplomacy),
    ("04", "Consult", EventKind::Diplomacy),
    (
        "05",
        "Engage in diplomatic cooperation",
        EventKind::Diplomacy,
    ),
    ("06", "Engage in material cooperation", EventKind::Economy),
    ("07", "Provide aid", EventKind::Economy),
    ("08", "Yield", EventKind::Diplomacy),
    ("09", "Investigate", EventKind::Law),
    ("10", "Demand", EventKind::Statement),
    ("11", "Disapprove", EventKind::Statement),
    ("12", "Reject", EventKind::Statement),
    ("13", "Threaten", EventKind::Statement),
    ("14", "Protest", EventKind::Politics),
    ("15", "Exhibit force posture", EventKind::Conflict),
    ("16", "Reduce relations", EventKind::Diplomacy),
    ("17", "Coerce", EventKind::Law),
    ("18", "Assault", EventKind::Conflict),
    ("19", "Fight", EventKind::Conflict),
    (
        "20",
        "Use unconventional mass violence",
        EventKind::Conflict,
    ),
];

/// The root label and evex kind of an event code (`040`, `0231`, `190`).
pub fn root(code: &str) -> Option<(&'static str, EventKind)> {
    let root = code.get(..2)?;
    ROOTS
        .iter()
        .find(|(r, _, _)| *r == root)
        .map(|&(_, label, kind)| (label, kind))
}

/// The actor kind a CAMEO actor type code says (`GOV`, `MIL`, `REB`, `MED`…).
pub fn actor_kind(type_code: &str) -> Option<ActorKind> {
    Some(match type_code {
        "GOV" | "MIL" | "COP" | "JUD" | "LEG" | "SPY" => ActorKind::State,
        "REB" | "SEP" | "INS" | "UAF" | "CVL" | "REF" | "LAB" | "AGR" | "MOD" | "RAD" => {
            ActorKind::Group
        }
        "MED" => ActorKind::Media,
        "BUS" | "NGO" | "IGO" | "NGM" | "OPP" | "PTY" | "EDU" | "HLH" | "CRM" | "ELI" => {
            ActorKind::Organization
        }
        _ => return None,
    })
}

/// The actor kind ICEWS's sectors text suggests ("Government, Executive", "News Media").
pub fn sector_kind(sectors: &str) -> Option<ActorKind> {
    let s = sectors.to_lowercase();
    let has = |words: &[&str]| words.iter().any(|w| s.contains(w));
    if has(&[
        "government",
        "military",
        "police",
        "executive",
        "legislative",
        "judicial",
    ]) {
        Some(ActorKind::State)
    } else if has(&["media", "news"]) {
        Some(ActorKind::Media)
    } else if has(&[
        "business",
        "ngo",
        "organization",
        "party",
        "education",
        "religious",
    ]) {
        Some(ActorKind::Organization)
    } else if has(&[
        "insurgent",
        "rebel",
        "protest",
        "ethnic",
        "dissident",
        "civilian",
    ]) {
        Some(ActorKind::Group)
    } else {
        None
    }
}
