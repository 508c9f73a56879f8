//! The entries of the page: actions, escalations, mood, the trajectories' clients and the
//! huddles held.

use std::fmt::Write as _;

use super::*;

impl Page<'_> {
    pub(super) fn actions(&self, out: &mut String) {
        let actions = &self.s.actions;
        put!(
            out,
            "<section>\n<h2>{}</h2>\n<p class=\"counts\">{} <strong>{}</strong> · {}</p>\n",
            self.t("Plan d'action", "Action plan"),
            self.t("Ouvertes\u{a0}:", "Open:"),
            actions.open,
            if actions.overdue > 0 {
                format!(
                    "<span class=\"bad\">✕ {} <strong>{}</strong></span>",
                    self.t("En retard\u{a0}:", "Overdue:"),
                    actions.overdue
                )
            } else {
                format!(
                    "{} <strong>0</strong>",
                    self.t("En retard\u{a0}:", "Overdue:")
                )
            },
        );
        if actions.items.is_empty() {
            put!(
                out,
                "<p class=\"empty\">{}</p>\n</section>\n",
                self.t("Aucune action ouverte", "No open action")
            );
            return;
        }
        put!(
            out,
            "<table>\n<thead><tr><th class=\"mark\"></th><th>{}</th><th>{}</th><th>{}</th><th>{}</th></tr></thead>\n<tbody>\n",
            self.t("Action", "Action"),
            self.t("Responsable", "Owner"),
            self.t("Échéance", "Due"),
            self.t("État", "Status"),
        );
        for a in &actions.items {
            let status = match a.status.as_str() {
                "todo" => self.t("À faire", "To do").to_owned(),
                "doing" => self.t("En cours", "Doing").to_owned(),
                other => escape(other),
            };
            let due = a
                .due
                .map(|d| self.date(d))
                .unwrap_or_else(|| "—".to_owned());
            let (mark, due, status) = if a.overdue {
                (
                    "<span class=\"bad\" title=\"overdue\">✕</span>".to_owned(),
                    format!("<span class=\"bad\"><strong>{due}</strong></span>"),
                    format!(
                        "{status} · <span class=\"bad\"><strong>{}</strong></span>",
                        self.t("en retard", "overdue")
                    ),
                )
            } else {
                (String::new(), due, status)
            };
            put!(
                out,
                "<tr{}><td class=\"mark\">{mark}</td><td>{}</td><td class=\"nowrap\">{}</td><td class=\"nowrap\">{due}</td><td>{status}</td></tr>\n",
                if a.overdue { " class=\"late\"" } else { "" },
                escape(&a.title),
                a.owner.as_deref().map_or_else(|| "—".to_owned(), escape),
            );
        }
        out.push_str("</tbody>\n</table>\n</section>\n");
    }

    pub(super) fn escalations(&self, out: &mut String) {
        let list = &self.s.escalations;
        put!(
            out,
            "<section>\n<h2>{}</h2>\n",
            self.t(
                "Escalades en attente de réponse",
                "Escalations awaiting an answer"
            )
        );
        if list.is_empty() {
            put!(
                out,
                "<p class=\"empty\">{}</p>\n</section>\n",
                self.t(
                    "Aucune escalade en attente",
                    "No escalation awaiting an answer"
                )
            );
            return;
        }
        put!(
            out,
            "<table>\n<thead><tr><th class=\"mark\"></th><th>{}</th><th>{}</th><th>{}</th><th>{}</th></tr></thead>\n<tbody>\n",
            self.t("Escalade", "Escalation"),
            self.t("De → à", "From → to"),
            self.t("Réponse attendue", "Answer due"),
            self.t("État", "Status"),
        );
        for e in list {
            let direction = match e.direction.as_str() {
                "raised" => self.t("Émise le", "Raised on"),
                "received" => self.t("Reçue le", "Received on"),
                _ => self.t("Le", "On"),
            };
            let status = match e.status.as_str() {
                "open" => self.t("Ouverte", "Open").to_owned(),
                "taken" => self.t("Prise en charge", "Taken in hand").to_owned(),
                other => escape(other),
            };
            let due = e
                .due
                .map(|d| self.date(d))
                .unwrap_or_else(|| "—".to_owned());
            let (mark, due, status) = if e.late {
                (
                    "<span class=\"bad\">✕</span>".to_owned(),
                    format!("<span class=\"bad\"><strong>{due}</strong></span>"),
                    format!(
                        "{status} · <span class=\"bad\"><strong>{}</strong></span>",
                        self.t("en retard", "late")
                    ),
                )
            } else {
                (String::new(), due, status)
            };
            let why = if e.why.trim().is_empty() {
                String::new()
            } else {
                format!("<br><span class=\"why\">{}</span>", escape(&e.why))
            };
            put!(
                out,
                "<tr{}><td class=\"mark\">{mark}</td><td><strong>{}</strong>{why}<br><span class=\"meta\">{direction} {}</span></td>\
                 <td>{} → {}</td><td class=\"nowrap\">{due}</td><td>{status}</td></tr>\n",
                if e.late { " class=\"late\"" } else { "" },
                escape(&e.title),
                self.date(e.raised_on),
                escape(&e.from),
                e.to.as_deref().map_or_else(|| "—".to_owned(), escape),
            );
        }
        out.push_str("</tbody>\n</table>\n</section>\n");
    }

    pub(super) fn mood(&self, out: &mut String, mood: &MoodSnapshot) {
        put!(
            out,
            "<section>\n<h2>{}</h2>\n<div class=\"two\">\n<div>\n<h3>{}</h3>\n",
            self.t("Météo de l'équipe", "Team mood"),
            self.t("Aujourd'hui", "Today"),
        );
        let votes: u64 = mood.today.iter().map(|&n| u64::from(n)).sum();
        out.push_str("<div class=\"faces\">\n");
        for (level, &n) in mood.today.iter().enumerate() {
            let name = i18n::mood_name(self.lang, u8::try_from(level).unwrap_or(4));
            put!(
                out,
                "<div class=\"face{}\">{}<span class=\"n\">{n}</span><span class=\"name\">{}</span></div>\n",
                if n == 0 { " zero" } else { "" },
                face(level),
                escape(name),
            );
        }
        out.push_str("</div>\n");
        if votes == 0 {
            put!(
                out,
                "<p class=\"empty\">{}</p>\n",
                self.t("Aucun vote aujourd'hui", "No vote today")
            );
        } else {
            put!(
                out,
                "<p class=\"quiet\">{votes} {} · {}</p>\n",
                if votes == 1 {
                    self.t("vote", "vote")
                } else {
                    self.t("votes", "votes")
                },
                self.t("anonymes", "anonymous"),
            );
        }
        put!(
            out,
            "</div>\n<div>\n<h3>{}</h3>\n",
            self.t("Moyenne par semaine", "Weekly mean")
        );
        self.mood_weeks(out, mood);
        out.push_str("</div>\n</div>\n</section>\n");
    }

    /// The weekly mean face (0–4) as a small line chart, and the latest week in words.
    pub(super) fn mood_weeks(&self, out: &mut String, mood: &MoodSnapshot) {
        let weeks: Vec<(NaiveDate, f64, u32)> = mood
            .weeks
            .iter()
            .filter(|w| w.mean.is_finite() && w.votes > 0)
            .map(|w| (w.week, w.mean.clamp(0.0, 4.0), w.votes))
            .collect();
        let Some(&(week, mean, votes)) = weeks.last() else {
            put!(
                out,
                "<p class=\"empty\">{}</p>\n",
                self.t(
                    "Aucun vote ces dernières semaines",
                    "No vote in the last weeks"
                )
            );
            return;
        };
        let plot = Plot::MOOD;
        let scale = Scale::fixed(0.0, 4.0, plot);
        let (left, right, _, _) = plot.frame();
        let n = weeks.len();
        put!(
            out,
            "<svg class=\"chart mood\" viewBox=\"0 0 {} {}\" role=\"img\" aria-label=\"{}\">\n",
            plot.width,
            plot.height,
            self.t(
                "Moyenne des votes par semaine, de 0 à 4",
                "Weekly mean vote, 0 to 4"
            ),
        );
        for level in [0.0, 2.0, 4.0] {
            let y = scale.y(level);
            put!(
                out,
                "<line x1=\"{left}\" y1=\"{y:.1}\" x2=\"{right}\" y2=\"{y:.1}\" stroke=\"#E1E4E8\"/>\
                 <text x=\"{:.1}\" y=\"{:.1}\" text-anchor=\"end\" class=\"tick\">{level}</text>\n",
                left - 5.0,
                y + 3.5
            );
        }
        if n > 1 {
            out.push_str("<polyline fill=\"none\" stroke=\"");
            out.push_str(INK);
            out.push_str("\" stroke-width=\"1.8\" points=\"");
            for (i, (_, mean, _)) in weeks.iter().enumerate() {
                put!(
                    out,
                    "{}{:.1},{:.1}",
                    if i == 0 { "" } else { " " },
                    plot.x(i, n),
                    scale.y(*mean)
                );
            }
            out.push_str("\"/>\n");
        }
        for (i, (week, mean, votes)) in weeks.iter().enumerate() {
            put!(
                out,
                "<circle cx=\"{:.1}\" cy=\"{:.1}\" r=\"2.6\" fill=\"{INK}\"><title>{} {} : {} ({votes})</title></circle>\n",
                plot.x(i, n),
                scale.y(*mean),
                self.t("Semaine du", "Week of"),
                self.day_month(*week),
                self.num(*mean),
            );
        }
        let mut labels = vec![0];
        if n > 1 {
            labels.push(n - 1);
        }
        for i in labels {
            let anchor = match (n, i) {
                (1, _) => "middle",
                (_, 0) => "start",
                _ => "end",
            };
            if let Some((week, _, _)) = weeks.get(i) {
                put!(
                    out,
                    "<text x=\"{:.1}\" y=\"{}\" text-anchor=\"{anchor}\" class=\"tick\">{}</text>\n",
                    plot.x(i, n),
                    plot.height - 4.0,
                    self.day_month(*week),
                );
            }
        }
        out.push_str("</svg>\n");
        let change = n
            .checked_sub(2)
            .and_then(|i| weeks.get(i))
            .map(|&(_, before, _)| mean - before)
            .filter(|d| d.abs() >= 0.05)
            .map(|d| {
                format!(
                    " · {} {}{}",
                    if d > 0.0 { "↑" } else { "↓" },
                    if d > 0.0 { "+" } else { "−" },
                    self.num((d.abs() * 10.0).round() / 10.0)
                )
            })
            .unwrap_or_default();
        put!(
            out,
            "<p class=\"quiet\">{} {}{} <strong>{}</strong> {} ({votes} {}){change}</p>\n",
            self.t("Semaine du", "Week of"),
            self.day_month(week),
            self.t("\u{a0}:", ":"),
            self.num((mean * 10.0).round() / 10.0),
            self.t("sur 4", "out of 4"),
            if votes == 1 {
                self.t("vote", "vote")
            } else {
                self.t("votes", "votes")
            },
        );
    }

    pub(super) fn trajectories(&self, out: &mut String) {
        for trajectory in &self.s.trajectories {
            self.trajectory(out, trajectory);
        }
    }

    /// Clients per stage as bars, and the longest waits by client code.
    pub(super) fn trajectory(&self, out: &mut String, tr: &TrajectorySnapshot) {
        put!(
            out,
            "<section>\n<h2>{}</h2>\n<div class=\"two\">\n<div>\n<h3>{}</h3>\n",
            escape(&tr.title),
            self.t("Clients par étape", "Clients per stage"),
        );
        let most = tr
            .stages
            .iter()
            .map(|s| s.clients)
            .max()
            .unwrap_or(0)
            .max(1);
        if tr.stages.is_empty() {
            put!(
                out,
                "<p class=\"empty\">{}</p>\n",
                self.t("Aucune étape", "No stage")
            );
        } else {
            out.push_str("<div class=\"bars\">\n");
            for stage in &tr.stages {
                let width = f64::from(stage.clients) / f64::from(most) * 100.0;
                put!(
                    out,
                    "<span class=\"stage\">{}</span><span class=\"bar\"><span style=\"width:{width:.1}%\"></span></span><span class=\"n\">{}</span>\n",
                    escape(&stage.stage),
                    stage.clients,
                );
            }
            out.push_str("</div>\n");
        }
        put!(
            out,
            "</div>\n<div>\n<h3>{}</h3>\n",
            self.t("Plus longues attentes", "Longest waits")
        );
        if tr.longest_waits.is_empty() {
            put!(
                out,
                "<p class=\"empty\">{}</p>\n",
                self.t("Aucun client en attente", "No client waiting")
            );
        } else {
            put!(
                out,
                "<table class=\"compact\">\n<thead><tr><th>{}</th><th>{}</th><th class=\"num\">{}</th></tr></thead>\n<tbody>\n",
                self.t("Code", "Code"),
                self.t("Étape", "Stage"),
                self.t("Attente", "Waiting"),
            );
            for wait in &tr.longest_waits {
                put!(
                    out,
                    "<tr><td><code>{}</code></td><td>{}</td><td class=\"num nowrap\">{}</td></tr>\n",
                    escape(&wait.code),
                    escape(&wait.stage),
                    self.days(wait.days),
                );
            }
            out.push_str("</tbody>\n</table>\n");
        }
        out.push_str("</div>\n</div>\n</section>\n");
    }

    pub(super) fn huddles(&self, out: &mut String) {
        put!(
            out,
            "<section>\n<h2>{}</h2>\n<div class=\"two\">\n<div>\n<h3>{}</h3>\n",
            self.t("Caucus", "Huddles"),
            self.t("Dernier caucus", "Last huddle"),
        );
        match &self.s.last_huddle {
            Some(h) => self.last_huddle(out, h),
            None => put!(
                out,
                "<p class=\"empty\">{}</p>\n",
                self.t("Aucun caucus enregistré", "No huddle recorded")
            ),
        }
        put!(
            out,
            "</div>\n<div>\n<h3>{}</h3>\n",
            self.t("Régularité", "Regularity")
        );
        let held = self.s.huddles_held;
        let share = if held.working_days == 0 {
            0.0
        } else {
            (f64::from(held.held) / f64::from(held.working_days)).clamp(0.0, 1.0) * 100.0
        };
        put!(
            out,
            "<p class=\"big-line\"><strong>{}</strong> {} <strong>{}</strong> {}</p>\n\
             <span class=\"bar wide\"><span style=\"width:{share:.1}%\"></span></span>\n\
             <p class=\"quiet\">{}</p>\n",
            held.held,
            self.t("jours avec un caucus sur", "days with a huddle out of"),
            held.working_days,
            self.t("jours ouvrables", "working days"),
            self.t("Les 4 dernières semaines", "The last 4 weeks"),
        );
        out.push_str("</div>\n</div>\n</section>\n");
    }

    pub(super) fn last_huddle(&self, out: &mut String, h: &HuddleSnapshot) {
        put!(
            out,
            "<p><strong>{}</strong> {} {} · {}\u{a0}min · {} {}</p>\n",
            self.long_date(h.date),
            self.t("à", "at"),
            h.started.format("%H:%M"),
            h.minutes,
            h.attendees,
            match (self.fr(), h.attendees == 1) {
                (true, true) => "présent",
                (true, false) => "présents",
                (false, true) => "attendee",
                (false, false) => "attendees",
            },
        );
        let list = |out: &mut String, title: &str, items: &[String], empty: Option<&str>| {
            if items.is_empty() {
                if let Some(empty) = empty {
                    put!(out, "<p class=\"empty\">{empty}</p>\n");
                }
                return;
            }
            put!(out, "<p class=\"sub-title\">{title}</p>\n<ul>\n");
            for item in items {
                put!(out, "<li>{}</li>\n", escape(item));
            }
            out.push_str("</ul>\n");
        };
        list(
            out,
            self.t("Décisions", "Decisions"),
            &h.decisions,
            Some(self.t("Aucune décision notée", "No decision noted")),
        );
        list(
            out,
            self.t("Actions créées", "Actions created"),
            &h.actions_created,
            None,
        );
        list(
            out,
            self.t("Escalades soulevées", "Escalations raised"),
            &h.escalations_raised,
            None,
        );
    }
}
