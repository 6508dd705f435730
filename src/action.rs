//! Everything a person can ask the explorer to do, whatever key or click asked for it.

/// One thing to do. The keymap turns keys into actions; `App::update` applies them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Action {
    /// Leave evex.
    Quit,
    /// Stop evex and return to the shell; `fg` brings it back.
    Suspend,
    /// Open or close the overlay listing every key binding.
    ToggleHelp,
    /// Focus the next pane: actors, timeline, detail.
    FocusNext,
    /// Focus the previous pane.
    FocusPrev,
    /// Move the selection down one row, or scroll the detail view.
    Down,
    /// Move the selection up one row, or scroll the detail view.
    Up,
    /// Go to the first row.
    Top,
    /// Go to the last row.
    Bottom,
    /// Go down a page.
    PageDown,
    /// Go up a page.
    PageUp,
    /// On the timeline: open the selected event in the detail view. In the sidebar: toggle.
    Open,
    /// Select or unselect the actor under the cursor as a filter.
    ToggleActor,
    /// Switch how selected actors combine: any of them, or all of them.
    ToggleActorMode,
    /// Open the search prompt (in the sidebar: filter the actor list).
    Search,
    /// Switch between filtering (the timeline shows only the matches) and finding (the
    /// timeline keeps every event and marks the matches).
    ToggleFind,
    /// In find mode: select the next match down the screen, wrapping round to the top.
    NextMatch,
    /// In find mode: select the previous match up the screen, wrapping round to the bottom.
    PrevMatch,
    /// Open the prompt that jumps to a year.
    JumpToYear,
    /// Jump to the year above on the screen that has events: the previous year, or the next
    /// one when the newest events are at the top.
    PrevYear,
    /// Jump to the year below on the screen that has events: the next year, or the previous
    /// one when the newest events are at the top.
    NextYear,
    /// Show or hide the actor sidebar (over the timeline on narrow terminals).
    ToggleSidebar,
    /// Mark or unmark the selected event (marks are kept across sessions).
    ToggleMark,
    /// Go to the next marked event.
    NextMark,
    /// Go to the previous marked event.
    PrevMark,
    /// Show only the marked events (with the other filters), or every match again.
    MarkedOnly,
    /// Copy the selected event's quote with its citation to the clipboard.
    CopyQuote,
    /// Ask for a file to export the matches (or the marked events) to.
    Export,
    /// In the export prompt: export the marked events instead of the matches, or back.
    SwitchExport,
    /// Show and copy the command line that opens this view (filters and selected event).
    CommandLine,
    /// Read the store's file again now (it is also reloaded when it changes).
    Reload,
    /// Read the next event without leaving the event view.
    NextEvent,
    /// Read the previous event without leaving the event view.
    PrevEvent,
    /// Show or hide the histogram of the matches above the timeline.
    ToggleHistogram,
    /// Histogram buckets one unit finer: decades, years, months, days.
    ZoomIn,
    /// Histogram buckets one unit coarser.
    ZoomOut,
    /// Select the first event of the previous histogram bucket that has events.
    PrevBucket,
    /// Select the first event of the next histogram bucket that has events.
    NextBucket,
    /// Show the actors that share matching events with the actor under the sidebar cursor
    /// (or with the selected event's actors), with counts.
    WithWhom,
    /// In the co-actors list: select the actor under the cursor as a filter.
    AddCoActor,
    /// Select the nearest earlier match that shares an actor with the selected event.
    PrevRelated,
    /// Select the nearest later match that shares an actor with the selected event.
    NextRelated,
    /// Return to the event selected before the last jump to a related event.
    JumpBack,
    /// Show the source text around the quote: its whole paragraph, the quote marked.
    ShowPassage,
    /// Open the selected event's source URL with the system opener (`$BROWSER`, `xdg-open`).
    OpenUrl,
    /// Read the selected event's whole source text in `$PAGER`, then come back.
    ReadSource,
    /// Sort the actors by name, or back to by count.
    SortActors,
    /// Show the newest events at the top of the timeline, or the oldest again.
    ReverseTimeline,
    /// Back out one level: help, full-screen or focused event, sidebar, search, actors.
    Back,
    /// In a prompt: type a character.
    Type(char),
    /// In a prompt: move the cursor or delete part of the text.
    Edit(Edit),
    /// In the search prompt: the previous query kept in the history.
    HistoryPrev,
    /// In the search prompt: the next query kept in the history (past the newest: empty).
    HistoryNext,
    /// In a prompt: keep what was typed.
    Submit,
    /// In a prompt: restore what was there before it opened.
    Cancel,
    /// The mouse wheel turned over a point of the screen.
    Scroll { column: u16, row: u16, down: bool },
    /// A click at a point of the screen.
    Click { column: u16, row: u16 },
}

/// An edit of a prompt's text, as readline and fish make them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Edit {
    /// One character left.
    Left,
    /// One character right.
    Right,
    /// To the start of the word (or the previous one).
    WordLeft,
    /// To the start of the next word.
    WordRight,
    /// To the start of the line.
    Home,
    /// To the end of the line.
    End,
    /// Delete the character before the cursor.
    DeleteBack,
    /// Delete the character under the cursor.
    DeleteForward,
    /// Delete the word before the cursor.
    DeleteWord,
    /// Delete from the start of the line to the cursor.
    DeleteToStart,
    /// Delete from the cursor to the end of the line.
    DeleteToEnd,
}
