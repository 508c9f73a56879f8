//! Each frame's logic: what background threads reported, and the view rebuilt when the
//! store or the layout moved.

use super::*;
use crate::i18n;
use crate::layout::watch::LayoutEvent;
use crate::model::SectionKind;
use crate::model::huddle::Session;
use crate::snapshot::shelf::Shelf;
use crate::store::Store;
use crate::ui::LastChange;
use crate::view;

impl KioskApp {
    /// Applies what the background threads reported, and rebuilds the board view if what it
    /// is built from moved. Cheap when nothing did.
    pub fn logic(&mut self) {
        while let Ok(event) = self.feed_rx.try_recv() {
            self.load_feed(event);
        }
        self.reopen_when_room();
        let finished = self
            .feed_importer
            .as_ref()
            .map(feeds::Importer::finished)
            .unwrap_or_default();
        for done in finished {
            let path = done.path.clone();
            if let Some(problem) = Self::imported(done) {
                tracing::warn!("feed {}: {problem}", path.display());
                self.feed_problems.insert(path, problem);
            }
        }
        // A change made here should reach the other kiosks now, not at the next timed sync.
        if let (Some(worker), Some(store)) = (&self.sync, &self.store) {
            worker.notice(store);
        }
        // A feed file with a problem that is gone takes its banner with it, whether or not the
        // watcher saw it go (network shares often say nothing). Only files with a problem are
        // looked at: usually none.
        self.feed_problems.retain(|path, _| path.exists());
        while let Ok(event) = self.layout_rx.try_recv() {
            match event {
                LayoutEvent::Scanned(reports) => {
                    self.folder_error = None;
                    self.live.update(reports);
                    for notice in self.live.notices() {
                        tracing::warn!("board files: {notice:?}");
                    }
                    if self
                        .current
                        .as_deref()
                        .is_none_or(|id| self.live.board(id).is_none())
                    {
                        self.current = self.live.boards().first().map(|b| b.id.clone());
                    }
                }
                LayoutEvent::FolderError(err) => self.folder_error = Some(err),
            }
        }
        self.refresh_view();
        self.release_memory_when_settled();
    }

    /// After a burst of work the allocator keeps the memory it freed, scattered between
    /// blocks still in use; over months of changes that is resident memory that only grows.
    /// Once things have settled, it is given back.
    pub(super) fn release_memory_when_settled(&mut self) {
        if self
            .release_memory_at
            .is_some_and(|at| self.clock.now() >= at)
        {
            crate::memory::release_free_memory();
            self.memory_releases += 1;
            self.release_memory_at = None;
        }
    }

    /// How many times freed memory was given back to the system.
    pub fn memory_releases(&self) -> u64 {
        self.memory_releases
    }

    pub(super) fn refresh_view(&mut self) {
        let key = ViewKey {
            board: self.current.clone(),
            layout: self.live.version(),
            store: self.store.as_ref().map_or(0, Store::version),
            snapshots: self.shelf.as_ref().map_or(0, Shelf::version),
            today: self.clock.now().date(),
        };
        if self.view_key.as_ref() == Some(&key) {
            return;
        }
        let board = self.current.as_deref().and_then(|id| self.live.board(id));
        let (records, last) = match (&self.store, board) {
            (Some(store), Some(board)) => {
                let mut records = store.board_records(&board.id).unwrap_or_else(|err| {
                    tracing::error!("reading {}: {err}", board.id);
                    Vec::new()
                });
                // The other teams on the trajectory, for the sections that show their clients.
                let shows_others = board.sections.iter().any(|s| {
                    matches!(
                        s.kind,
                        SectionKind::Trajectory {
                            other_teams: true,
                            ..
                        }
                    )
                });
                if let (true, Some(trajectory)) = (shows_others, &board.trajectory) {
                    for other in self.live.boards() {
                        if other.id != board.id && other.trajectory.as_ref() == Some(trajectory) {
                            match store.records(&other.id) {
                                Ok(theirs) => records.extend(
                                    theirs
                                        .into_iter()
                                        .filter(|r| r.kind == crate::model::EntryKind::Client),
                                ),
                                Err(err) => tracing::error!("reading {}: {err}", other.id),
                            }
                        }
                    }
                }
                let last = store
                    .history(&board.id, 1)
                    .ok()
                    .and_then(|h| h.into_iter().next());
                let undoable = store.last_undoable(&board.id).ok().flatten().is_some();
                (records, last.map(|l| (l, undoable)))
            }
            _ => (Vec::new(), None),
        };
        self.view = board
            .map(|b| view::build(b, &records, key.today))
            .unwrap_or_default();
        // The units sections show the latest snapshots of the boards below.
        if let Some(board) = board {
            let latest = self.shelf.as_ref().map(Shelf::latest).unwrap_or_default();
            let boards = self.live.boards();
            for section in &board.sections {
                if let SectionKind::Units { boards: listed } = &section.kind {
                    self.view.sections.insert(
                        section.id.clone(),
                        view::SectionView::Units(view::units(
                            board, listed, &boards, &latest, key.today,
                        )),
                    );
                }
            }
        }
        // A kiosk that restarted during a huddle takes it up again, if it is still going on.
        if self.huddle.is_none()
            && let (Some((id, record)), Some(board)) = (self.view.open_huddle.clone(), board)
        {
            let now = self.clock.now();
            let session = Session::resume(id, &board.id, record, now);
            let late = session.total_s(now) > session.planned_s() + 30 * 60;
            if !late {
                tracing::info!("taking up the huddle started at {}", session.record.started);
                self.huddle = Some(session);
            }
        }
        self.last_change = last.and_then(|(h, undoable)| {
            let board = board?;
            let what = match h.change.kind {
                crate::model::EntryKind::Huddle => i18n::tr(board.lang, i18n::T::Huddle).to_owned(),
                _ => board
                    .section(&h.change.section)
                    .map_or(h.change.section.clone(), |s| s.title.clone()),
            };
            Some(LastChange {
                what,
                by: h.change.author,
                at: h.change.at.with_timezone(&chrono::Local).naive_local(),
                undoable,
            })
        });
        self.view_key = Some(key);
        self.release_memory_at = Some(self.clock.now() + SETTLE);
    }

    /// Reads the audit trail of the board on screen when the facilitator has it open and the
    /// store moved since; drops it when facilitator mode closes.
    pub(super) fn read_audit(&mut self, facilitator_open: bool) {
        if !(facilitator_open && self.ui_state.facilitator.audit_open) {
            self.audit.clear();
            self.audit_key = None;
            return;
        }
        let Some(store) = &self.store else {
            return;
        };
        let key = (self.current.clone(), store.version());
        if self.audit_key.as_ref() == Some(&key) {
            return;
        }
        match crate::view::audit::trail(store, &self.live, self.current.as_deref(), 500) {
            Ok(lines) => self.audit = lines,
            Err(err) => self.store_error = Some(err.to_string()),
        }
        self.audit_key = Some(key);
    }
}
