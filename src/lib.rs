//! evex: explore a story told as dated events, in the terminal.
//!
//! The flow goes one way: [`store`] (RON to a validated model) -> [`query`] (pure filtering)
//! -> [`app`] (state updated by actions) -> [`ui`] (pure rendering of that state).

pub mod action;
pub mod actors;
pub mod app;
pub mod cache;
pub mod citation;
pub mod clipboard;
pub mod config;
pub mod date;
pub mod export;
pub mod filter;
pub mod fold;
pub mod highlight;
pub mod histogram;
pub mod history;
pub mod index;
pub mod input;
pub mod keymap;
pub mod marks;
pub mod opener;
pub mod passage;
pub mod progress;
pub mod query;
pub mod regular_file;
pub mod related;
pub mod reload;
pub mod report;
pub mod searcher;
pub mod store;
pub mod suggest;
pub mod text;
pub mod theme;
pub mod ui;
