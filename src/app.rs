//! The explorer's state and how actions change it. No terminal here: tests drive `App` with
//! key events and read its fields.

mod export;
mod filters;
mod find;
mod loading;
mod marks;
mod navigate;
mod outside;
mod panes;
mod prompt;
mod related;
mod reload;
mod run;
mod searching;
mod shape;
mod start;

use std::collections::BTreeSet;
use std::sync::Arc;

use ratatui::crossterm::event::KeyEvent;
use ratatui::layout::Rect;

use crate::action::Action;
use crate::actors::ActorNames;
use crate::filter::{Filter, Matches};
use crate::histogram::{SparkSpec, Sparks};
use crate::history::History;
use crate::index::Index;
use crate::keymap::{Focus, Keymap, Mode};
use crate::marks::MarksPlace;
use crate::opener::Commands;
use crate::related::Related;
use crate::reload::Reloader;
use crate::searcher::Searcher;
use crate::store::{ActorId, Store};
use crate::theme::Theme;
use crate::ui::detail::DetailState;
use crate::ui::help::HelpState;
use crate::ui::histogram::HistogramState;
use crate::ui::passage::PassageState;
use crate::ui::sidebar::SidebarState;
use crate::ui::timeline::TimelineState;
use crate::ui::with_whom::WithWhomState;

pub use export::ExportState;
pub use loading::{Waited, wait_for};
pub use outside::Outside;
pub use prompt::{Prompt, PromptKind, Window};
pub use start::StartView;

/// The longest query the header shows whole; longer ones end in "…".
const HEADER_QUERY_CHARS: usize = 40;

/// Where the panes were drawn in the last frame (their insides, without borders), for the
/// mouse and for knowing which panes are visible.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Areas {
    pub sidebar: Option<Rect>,
    pub timeline: Option<Rect>,
    pub detail: Option<Rect>,
    pub histogram: Option<Rect>,
    /// Whether the detail view is beside the timeline (wide terminals) or under it.
    pub detail_beside: bool,
    /// Whether the sidebar has a column of its own (wide terminals, unless hidden with `s`).
    pub sidebar_docked: bool,
    /// Whether panes have borders (all but the shortest terminals).
    pub bordered: bool,
    /// Whether the sidebar is wide enough for its sparklines.
    pub sparklines: bool,
}

/// The whole explorer state.
#[derive(Debug)]
pub struct App {
    pub store: Arc<Store>,
    /// Where searches run: on a thread in the terminal, inline in tests.
    pub searcher: Searcher,
    /// A search has been running long enough to say so.
    pub searching: bool,
    /// Searches are waiting for the index, which a big store takes seconds to build.
    pub indexing: bool,
    pub theme: Theme,
    /// The key bindings: the defaults, patched by the configuration file.
    pub keymap: Keymap,
    /// The search text as typed; `filter.query` is its parsed form.
    pub query_text: String,
    pub filter: Filter,
    pub matches: Matches,
    /// Every actor's activity over the histogram's range, for the sidebar's sparklines;
    /// counted on the search thread with the matches.
    pub sparks: Sparks,
    /// What the sparklines were last asked for.
    sparks_asked: Option<SparkSpec>,
    pub focus: Focus,
    pub mode: Mode,
    pub prompt: Option<Prompt>,
    /// Actors' folded names for saying what `@name` found, made when first needed.
    actor_names: std::sync::OnceLock<ActorNames>,
    /// Kept searches, walked with Up/Down in the search prompt.
    pub history: History,
    pub timeline: TimelineState,
    pub sidebar: SidebarState,
    pub detail: DetailState,
    /// The detail view fills the screen (narrow terminals, after Enter).
    pub zoomed: bool,
    /// The actor sidebar is shown over the timeline (narrow terminals, after `s` or Tab).
    pub sidebar_overlay: bool,
    /// The docked sidebar is hidden (wide terminals, after `s`), giving its room to events.
    pub sidebar_hidden: bool,
    pub help: HelpState,
    pub histogram: HistogramState,
    pub with_whom: WithWhomState,
    pub passage: PassageState,
    /// The selected event's related events, and for which match position and matches.
    pub related: Related,
    related_for: Option<(usize, usize)>,
    /// Events selected before each jump to a related event, newest last (`b` returns).
    pub jumps: Vec<usize>,
    /// Enter was pressed in the search prompt while finding: go to the first match from
    /// the selection once the search's matches are in.
    find_jump: bool,
    /// A one-line message for the footer, cleared by the next action.
    pub status: Option<String>,
    pub areas: Areas,
    pub should_quit: bool,
    /// Ctrl-Z was pressed; the terminal loop suspends and clears this.
    pub suspend_requested: bool,
    /// Marked events, as store indices.
    pub marked: BTreeSet<usize>,
    /// Where marks are kept across sessions, if anywhere.
    pub marks_place: Option<MarksPlace>,
    /// The actors the query's `@` terms found, highlighted wherever their names show.
    pub found_actors: BTreeSet<ActorId>,
    /// Text to put on the clipboard; the terminal loop sends it and clears this.
    pub clipboard: Option<String>,
    /// The browser and pager that open sources (`u`, `t`), from the environment.
    pub commands: Commands,
    /// Told once the first frame is drawn: the search thread waits for it before reading a
    /// cached index, so that reading does not slow the first frame down.
    pub first_frame: Option<std::sync::mpsc::Sender<()>>,
    /// What checking the cached copy behind the first frame found wrong, for the status line.
    pub copy_problems: Option<std::sync::mpsc::Receiver<String>>,
    /// A browser or pager to run; the terminal loop runs it and clears this.
    pub outside: Option<Outside>,
    /// The export prompt's path and choice, and a file waiting for "overwrite?".
    pub export: ExportState,
    /// The command that opens this store (`evex /path/to/store.ron`), for `:`.
    pub opened_with: Vec<String>,
    /// Reloads the store when its file changes and on `r`; none for the bundled store.
    pub reloader: Option<Reloader>,
}

impl App {
    /// An explorer whose searches run inline, so every action's result is there at once.
    pub fn new(store: Store, theme: Theme) -> Self {
        let index = Arc::new(Index::new(&store));
        Self::with_searcher(Arc::new(store), Searcher::inline(index), theme)
    }

    /// An explorer on `store` searching with `searcher`. It opens on every event, which
    /// needs no index, so the first frame need not wait for one.
    pub fn with_searcher(store: Arc<Store>, searcher: Searcher, theme: Theme) -> Self {
        let matches = Matches::everything(&store);
        let mut app = Self {
            store,
            searcher,
            searching: false,
            indexing: false,
            theme,
            keymap: Keymap::default(),
            query_text: String::new(),
            filter: Filter::default(),
            matches,
            sparks: Sparks::default(),
            sparks_asked: None,
            focus: Focus::Timeline,
            mode: Mode::Browse,
            prompt: None,
            history: History::default(),
            actor_names: std::sync::OnceLock::new(),
            timeline: TimelineState::default(),
            sidebar: SidebarState::default(),
            detail: DetailState::default(),
            zoomed: false,
            sidebar_overlay: false,
            sidebar_hidden: false,
            help: HelpState::default(),
            histogram: HistogramState::default(),
            with_whom: WithWhomState::default(),
            passage: PassageState::default(),
            related: Related::default(),
            related_for: None,
            jumps: Vec::new(),
            find_jump: false,
            status: None,
            areas: Areas::default(),
            should_quit: false,
            suspend_requested: false,
            marked: BTreeSet::new(),
            marks_place: None,
            clipboard: None,
            commands: Commands::default(),
            first_frame: None,
            copy_problems: None,
            outside: None,
            export: ExportState::default(),
            opened_with: vec!["evex".into()],
            reloader: None,
            found_actors: BTreeSet::new(),
        };
        app.show_afresh();
        app
    }

    pub fn handle_key(&mut self, key: KeyEvent) {
        if let Some(action) = self.keymap.action(self.mode, self.focus, key) {
            self.update(action);
        }
    }

    /// Applies one action.
    pub fn update(&mut self, action: Action) {
        self.status = None;
        if self.mode.is_overlay() && self.overlay_key(action) {
            return;
        }
        match action {
            Action::Quit => self.should_quit = true,
            Action::Suspend => self.suspend_requested = true,
            Action::ToggleHelp => self.toggle_help(),
            Action::FocusNext => self.cycle_focus(true),
            Action::FocusPrev => self.cycle_focus(false),
            Action::Down => self.move_by(self.focus, 1),
            Action::Up => self.move_by(self.focus, -1),
            Action::Top => self.move_by(self.focus, isize::MIN),
            Action::Bottom => self.move_by(self.focus, isize::MAX),
            Action::PageDown => self.move_by(self.focus, self.page()),
            Action::PageUp => self.move_by(self.focus, -self.page()),
            Action::ToggleMark => self.toggle_mark(),
            Action::NextMark => self.step_mark(true),
            Action::PrevMark => self.step_mark(false),
            Action::MarkedOnly => self.toggle_marked_only(),
            Action::CopyQuote => self.copy_quote(),
            Action::Export => self.open_export(),
            Action::CommandLine => self.show_command_line(),
            Action::Reload => self.reload(),
            Action::SwitchExport => self.switch_export(),
            Action::NextEvent => self.step_event(1),
            Action::PrevEvent => self.step_event(-1),
            Action::Open => self.open_detail(),
            Action::ToggleActor => self.toggle_actor(),
            Action::ToggleActorMode => self.toggle_actor_mode(),
            Action::Search => self.open_prompt(if self.focus == Focus::Actors {
                PromptKind::FindActor
            } else {
                PromptKind::Search
            }),
            Action::ToggleFind => self.toggle_find(),
            Action::NextMatch => self.step_match(true),
            Action::PrevMatch => self.step_match(false),
            Action::JumpToYear => self.open_prompt(PromptKind::Year),
            Action::PrevYear => self.jump_year(false),
            Action::NextYear => self.jump_year(true),
            Action::ToggleSidebar => self.toggle_sidebar(),
            Action::ToggleHistogram => self.histogram.shown = !self.histogram.shown,
            Action::ZoomIn => self.zoom(true),
            Action::ZoomOut => self.zoom(false),
            Action::PrevBucket => self.step_bucket(false),
            Action::NextBucket => self.step_bucket(true),
            Action::SortActors => self.sort_actors(),
            Action::ReverseTimeline => self.reverse_timeline(),
            Action::WithWhom => self.open_with_whom(),
            Action::AddCoActor => self.add_co_actor(),
            Action::PrevRelated => self.jump_related(false),
            Action::NextRelated => self.jump_related(true),
            Action::JumpBack => self.jump_back(),
            Action::ShowPassage => self.open_passage(),
            Action::OpenUrl => self.open_url(),
            Action::ReadSource => self.read_source(),
            Action::Back => self.back(),
            Action::Type(c) => self.edit_prompt(|p, _| p.type_char(c)),
            Action::Edit(edit) => self.edit_prompt(|p, _| p.edit(edit)),
            Action::HistoryPrev => self.edit_prompt(|p, h| p.recall(h, true)),
            Action::HistoryNext => self.edit_prompt(|p, h| p.recall(h, false)),
            Action::Submit => self.submit_prompt(),
            Action::Cancel => self.cancel_prompt(),
            Action::Scroll { column, row, down } => self.scroll_at(column, row, down),
            Action::Click { column, row } => self.click_at(column, row),
        }
        self.relate();
        self.ask_for_sparks();
    }

    /// The store index of the selected event, if any event matches.
    pub fn selected_event(&self) -> Option<usize> {
        self.matches.events.get(self.timeline.selected).copied()
    }

    /// The actor under the sidebar cursor.
    pub fn sidebar_actor(&self) -> Option<ActorId> {
        self.sidebar.rows.get(self.sidebar.selected).copied()
    }

    /// Shows new matches and facet counts, keeping the selection on the same event (or the
    /// next one that still matches).
    pub(super) fn show(&mut self, matches: Matches) {
        let previous = self.selected_event();
        // Find mode sends back the same timeline while only the query changes: a million
        // rows need not be laid out again for each keystroke.
        let same = Arc::ptr_eq(&self.matches.events, &matches.events);
        self.matches = matches;
        if !same {
            self.timeline.selected = previous.map_or(0, |event| self.nearest_in_time(event));
            self.timeline.rebuild(&self.store, &self.matches.events);
        }
        self.find_arrived();
        // The cursor stays on its actor however the counts re-sort the list.
        self.rebuild_sidebar();
        if self.selected_event() != previous {
            self.detail.scroll = 0;
        }
        self.relate();
    }

    /// Shows the current matches as if they were new (a new store, the first frame).
    pub(super) fn show_afresh(&mut self) {
        let matches = self.matches.clone();
        self.matches.events = Arc::new(self.matches.events.to_vec());
        self.show(matches);
    }

    /// Lays out the sidebar again for the current counts, selection, order and filter.
    pub(super) fn rebuild_sidebar(&mut self) {
        let (store, names) = (&self.store, &self.actor_names);
        self.sidebar
            .rebuild(store, &self.matches.facets, &self.filter.actors, || {
                names.get_or_init(|| ActorNames::new(&store.actors))
            });
    }

    /// The match position nearest in time to store event `event`: itself if it still
    /// matches, else the closer of the matches just before and just after it.
    fn nearest_in_time(&self, event: usize) -> usize {
        let events = &self.matches.events;
        let after = events.partition_point(|&e| e < event);
        if after == 0 || events.get(after) == Some(&event) {
            return after.min(events.len().saturating_sub(1));
        }
        if after == events.len() {
            return after - 1;
        }
        let day = |e: usize| self.store.events.when(e).first_day().number();
        let target = day(event);
        let before_gap = target - day(events[after - 1]);
        let after_gap = day(events[after]) - target;
        if before_gap < after_gap {
            after - 1
        } else {
            after
        }
    }
}
