//! Huddle: the kiosk for the visual management boards healthcare teams gather around for their
//! daily huddle. The binary is a thin shell over this library, so that tests build the real
//! thing. See `ARCHITECTURE.md` for a map.

pub mod app;
pub mod cli;
pub mod config;
pub mod disk;
pub mod facilitator;
pub mod feed;
pub mod i18n;
pub mod layout;
pub mod logging;
pub mod memory;
pub mod model;
pub mod paths;
pub mod runchart;
pub mod snapshot;
pub mod spc;
pub mod store;
pub mod sync;
pub mod ui;
pub mod view;
pub mod watch;
