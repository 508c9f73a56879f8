//! The fixed texts, each in French and English on one line.
//!
//! A text is a [`T`] variant declared with both its languages, so a text cannot exist in one
//! language only. A text can name arguments in braces (`{n} en retard`), filled by
//! [`T::with`]; a test checks that both languages name the same ones.

use std::fmt::Display;

use crate::model::Lang;

/// Declares [`T`]: `Name: "français", "English";`.
macro_rules! texts {
    ($($name:ident: $fr:literal, $en:literal;)*) => {
        /// A fixed text of the kiosk, its command line or its snapshot pages.
        #[derive(Clone, Copy, Debug, PartialEq, Eq)]
        pub enum T {
            $($name,)*
        }

        impl T {
            /// Every text, for the tests that check them all.
            pub const ALL: &[T] = &[$(T::$name,)*];

            /// The text in `lang`.
            pub const fn words(self, lang: Lang) -> &'static str {
                match (self, lang) {
                    $((T::$name, Lang::Fr) => $fr, (T::$name, Lang::En) => $en,)*
                }
            }
        }
    };
}

#[rustfmt::skip]
texts! {
    Boards: "Tableaux", "Boards";
    ChooseBoard: "Choisir un tableau", "Choose a board";
    Close: "Fermer", "Close";
    Huddle: "Caucus", "Huddle";
    NoValueYet: "Aucune valeur encore", "No value yet";
    Target: "Cible", "Target";
    NoActionYet: "Aucune action pour l'instant", "No action yet";
    NoIdeaYet: "Aucune idée pour l'instant", "No idea yet";
    NoEscalationYet: "Aucune escalade", "No escalation";
    EscalationsGoTo: "Ce que l'équipe ne peut régler seule monte à", "What the team cannot solve alone goes up to";
    TopOfChain: "Ce tableau est au sommet de la chaîne", "This board is at the top of the chain";
    NoVoteYet: "Personne n'a encore voté aujourd'hui", "No vote yet today";
    AttendanceNotTaken: "Présences pas encore prises", "Attendance not taken yet";
    NoClientYet: "Aucune fiche pour l'instant", "No status sheet yet";
    NoNoteYet: "Aucune annonce pour l'instant", "No announcement yet";
    DayNotRecorded: "Jour non saisi", "Day not recorded";
    NoUnits: "Aucun tableau ne relève de celui-ci", "No board reports to this one";
    ShowingLastGood: "le tableau affiché est la dernière version valide", "the board shown is the last valid version";
    FileMissing: "fichier supprimé ou déplacé : le tableau reste tel qu'il était", "file deleted or moved: the board stays as it was";
    MoreProblems: "autre(s) problème(s) : lancer « huddle check »", "more problem(s): run \"huddle check\"";
    NoBoards: "Aucun tableau valide dans ce dossier. Ajoutez un fichier .toml (voir docs/boards.md).", "No valid board in this folder. Add a .toml file (see docs/boards.md).";
    Daily: "quotidien", "daily";
    Weekly: "hebdomadaire", "weekly";
    Monthly: "mensuel", "monthly";
    LowerIsBetter: "plus bas = mieux", "lower is better";
    HigherIsBetter: "plus haut = mieux", "higher is better";
    Reports: "relèvent de ce tableau", "report to this board";
    BoardsFolderUnreadable: "Dossier des tableaux illisible", "Boards folder cannot be read";
    Date: "Date", "Date";
    Value: "Valeur", "Value";
    What: "Quoi", "What";
    Who: "Qui", "Who";
    Due: "Pour quand", "Due";
    Idea: "Idée", "Idea";
    ProposedBy: "Proposée par", "Proposed by";
    Why: "Pourquoi", "Why";
    Stage: "Étape", "Stage";
    Since: "Depuis le", "Since";
    ClientCode: "Code d'usager", "Client code";
    NextStep: "Prochaine étape", "Next step";
    Text: "Texte", "Text";
    Recognition: "Reconnaissance", "Recognition";
    Until: "Affiché jusqu'au", "Shown until";
    Yes: "Oui", "Yes";
    No: "Non", "No";
    LooksLikeAName: "Ceci ressemble à un nom. N'inscrivez qu'un code d'usager, jamais un nom.", "This looks like a name. Write a client code only, never a name.";
    Save: "Enregistrer", "Save";
    Cancel: "Annuler", "Cancel";
    NoDate: "Aucune date", "No date";
    InOneWeek: "+1 sem.", "+1 week";
    InTwoWeeks: "+2 sem.", "+2 weeks";
    InOneMonth: "+1 mois", "+1 month";
    Add: "Ajouter", "Add";
    Undo: "Défaire", "Undo";
    ChangedBy: "modifié par", "changed by";
    At: "à", "at";
    Overdue: "En retard", "Overdue";
    Stale: "Immobile", "Stale";
    Todo: "À faire", "To do";
    Doing: "En cours", "Doing";
    Done: "Fait", "Done";
    Cancelled: "Abandonné", "Dropped";
    SafetyNone: "Aucun événement", "No event";
    SafetyNoneShort: "Aucun", "None";
    SafetyMinorShort: "Mineur", "Minor";
    SafetySeriousShort: "Grave", "Serious";
    DayNotRecordedShort: "Non saisi", "Not recorded";
    SafetyMinor: "Événement mineur", "Minor event";
    SafetySerious: "Événement grave", "Serious event";
    WhoAreYou: "Qui êtes-vous?", "Who are you?";
    Nobody: "Personne", "Nobody";
    Present: "présents", "present";
    WipExceeded: "limite dépassée", "limit exceeded";
    DaysInStage: "j", "d";
    StoreUnavailable: "Les données ne peuvent pas être enregistrées", "Data cannot be saved";
    TapToEnter: "Touchez pour saisir", "Tap to enter";
    NothingToUndo: "Rien à défaire", "Nothing to undo";
    Open: "Ouverte", "Open";
    Answered: "Répondue", "Answered";
    Answer: "Réponse", "Answer";
    TakeIt: "Prendre en charge", "Take it";
    AnswerIt: "Répondre", "Answer";
    SendUp: "Faire monter", "Send up";
    CloseIt: "Clore", "Close it";
    Late: "En retard", "Late";
    From: "de", "from";
    AnswerDue: "réponse attendue le", "answer expected by";
    AnswerFrom: "Réponse de", "Answer from";
    SentUpTo: "montée à", "sent up to";
    SendSnapshot: "Envoyer la photo", "Send snapshot";
    SnapshotSent: "Photo envoyée à", "Snapshot sent at";
    SnapshotNotSent: "Photo non envoyée", "Snapshot not sent";
    Unit: "Unité", "Unit";
    Signals: "Signaux", "Signals";
    OverdueActions: "Actions en retard", "Overdue actions";
    OpenEscalations: "Escalades", "Escalations";
    Snapshot: "Photo", "Snapshot";
    NoSnapshot: "Aucune photo", "No snapshot";
    Today: "auj.", "today";
    WorkingDaysAgo: "j ouvr.", "work days";
    TapUnit: "Touchez une unité pour voir sa dernière photo", "Tap a unit to see its latest snapshot";
    Access: "Accès", "Access";
    Continuity: "Continuité", "Continuity";
    WellBeing: "Bien-être", "Well-being";
    Safety: "Sécurité", "Safety";
    Quality: "Qualité", "Quality";
    TakenAt: "prise le", "taken on";
    ReadOnlySnapshot: "Photo en lecture seule, telle qu'elle a été envoyée", "Read-only snapshot, as it was sent";
    OpenActions: "Actions ouvertes", "Open actions";
    Clients: "usagers", "clients";
    LongestWaits: "Plus longues attentes", "Longest waits";
    LiveBoard: "Voir son tableau", "See its board";
    OverdueShort: "En retard", "Overdue";
    ReadOnly: "lecture seule", "read-only";
    PrivateHidden: "Fiches masquées — touchez pour afficher", "Sheets hidden — tap to show";
    HideNow: "Masquer", "Hide";
    Taken: "Prise en charge", "Taken";
    Closed: "Fermée", "Closed";
    AskedOn: "levée le", "raised on";
    MoodTrend: "Tendance (moyenne par semaine)", "Trend (weekly average)";
    TheKiosk: "la borne", "the kiosk";
    Anonymous: "anonyme", "anonymous";
    TapPlusToAdd: "touchez + pour en ajouter", "tap + to add one";
    Space: "espace", "space";
    To: "À", "To";
    Note: "Note", "Note";
    SaveNote: "Enregistrer la note", "Save the note";
    ChooseADay: "Touchez un jour pour changer sa couleur", "Tap a day to change its colour";
    EndFollowUp: "Terminer", "Done";
    ShowLarge: "Voir en grand", "Show large";
    More: "autres", "more";
    Menu: "Menu", "Menu";
    MoreColumns: "colonnes", "columns";
    OneMore: "autre", "more";
    OneMoreColumn: "colonne", "column";
    EnterValue: "Saisir une valeur", "Enter a value";
    Values: "Valeurs", "Values";
    Median: "Médiane", "Median";
    WarningZone: "Zone d'alerte", "Warning zone";
    Signal: "Signal", "Signal";
    NoSignal: "Aucun signal : la variation est ordinaire, rien ne dit que le processus a changé", "No signal: ordinary variation, nothing says the process has changed";
    FewPoints: "Il faut au moins 10 valeurs pour lire les signaux avec confiance", "At least 10 values are needed to read signals with confidence";
    HowToRead: "Signal = 6 points d'un même côté de la médiane, 5 points qui montent ou descendent, ou un point très loin des autres. Un trou = une période sans valeur.", "Signal = 6 points on one side of the median, 5 points going up or down, or a point far from the others. A gap = a period with no value.";
    StartHuddle: "Commencer le caucus", "Start huddle";
    EndHuddle: "Terminer le caucus", "End huddle";
    Next: "Suivant", "Next";
    Previous: "Précédent", "Previous";
    WhoIsHere: "Qui est là ?", "Who is here?";
    Roles: "Rôles", "Roles";
    Facilitator: "Animateur", "Facilitator";
    Secretary: "Secrétaire", "Secretary";
    Timekeeper: "Gardien du temps", "Timekeeper";
    Suggested: "suggéré", "suggested";
    Begin: "Commencer", "Begin";
    NoteDecision: "Noter une décision", "Note a decision";
    Decisions: "Décisions", "Decisions";
    Decision: "Décision", "Decision";
    MakeAction: "En faire une action", "Make it an action";
    NowAnAction: "devenue une action", "now an action";
    OverBy: "Dépassé de", "Over by";
    Total: "Total", "Total";
    Item: "Point", "Item";
    LastHuddle: "Dernier caucus", "Last huddle";
    InFourWeeks: "en 4 semaines", "in 4 weeks";
    NoHuddleYet: "Aucun caucus noté encore", "No huddle recorded yet";
    HuddleSummary: "Résumé du caucus", "Huddle summary";
    SaveAndEnd: "Enregistrer et terminer", "Save and end";
    KeepGoing: "Continuer le caucus", "Keep going";
    ActionsCreated: "actions créées", "actions created";
    EscalationsRaised: "escalades", "escalations raised";
    Duration: "Durée", "Duration";
    NoDecisionYet: "Aucune décision pour ce point", "No decision on this item";
    DataFeed: "Flux de données", "Data feed";
    Synced: "Synchro", "Synced";
    NotSyncedSince: "Pas synchronisé depuis", "Not synced since";
    NeverSynced: "Pas encore synchronisé", "Not synced yet";
    SyncStopped: "Synchronisation arrêtée", "Sync stopped";
    SyncWaiting: "en attente", "waiting";
    Line: "ligne", "line";
    TapWhoIsHere: "Touchez le nom de chaque personne présente : les rôles seront suggérés à tour de rôle", "Tap the name of everyone here: roles will be suggested in rotation";
    End: "Terminer", "End";
    // The snapshot page.
    DayUnit: "jour", "day";
    DaysUnit: "jours", "days";
    OnTarget: "Dans la cible", "On target";
    ToWatch: "À surveiller", "Watch";
    OffTarget: "Hors cible", "Off target";
    NoValue: "Aucune valeur", "No value";
    PhotoTakenAt: "Photo prise à {time} par {by}", "Taken at {time} by {by}";
    PhotoTakenOn: "Photo prise le {day} à {time} par {by}", "Taken on {day} at {time} by {by}";
    BoardSnapshot: "Photo du tableau", "Board snapshot";
    Indicators: "Indicateurs", "Indicators";
    StatusesInWords: "dans la cible · à surveiller · hors cible", "on target · watch · off target";
    ActionsTitle: "Actions", "Actions";
    OpenPlural: "ouvertes", "open";
    CountOverdue: "{n} en retard", "{n} overdue";
    Awaiting: "en attente", "awaiting";
    CountLate: "{n} en retard", "{n} late";
    Huddles: "Caucus", "Huddles";
    WorkingDaysOfFourWeeks: "jours ouvrables des 4 dernières semaines", "working days of the last 4 weeks";
    Format: "Format", "Format";
    BoardWord: "tableau", "board";
    NoIndicator: "Aucun indicateur", "No indicator";
    OnDay: "au", "on";
    WatchUpTo: "à surveiller jusqu'à", "watch up to";
    WatchDownTo: "à surveiller jusqu'à", "watch down to";
    BetterLower: "↓ plus bas, c'est mieux", "↓ lower is better";
    BetterHigher: "↑ plus haut, c'est mieux", "↑ higher is better";
    ValueWord: "valeur", "value";
    ValuesWord: "valeurs", "values";
    TargetWord: "cible", "target";
    MedianWord: "médiane", "median";
    SignalWord: "signal", "signal";
    ChartLabel: "{title} : {n} valeurs du {from} au {to}", "{title}: {n} values from {from} to {to}";
    NoSignalShort: "Aucun signal : variation habituelle.", "No signal: usual variation.";
    SinceDay: "depuis le {day}", "since {day}";
    OnTheDay: "le {day}", "on {day}";
    FromTo: "du {from} au {to}", "from {from} to {to}";
    Colon: "\u{a0}:", ":";
    Favourable: "✓ favorable", "✓ favourable";
    Unfavourable: "✕ défavorable", "✕ unfavourable";
    OpenCount: "Ouvertes\u{a0}:", "Open:";
    OverdueCount: "En retard\u{a0}:", "Overdue:";
    NoOpenAction: "Aucune action ouverte", "No open action";
    ActionWord: "Action", "Action";
    Owner: "Responsable", "Owner";
    DueDate: "Échéance", "Due";
    State: "État", "Status";
    OverdueLower: "en retard", "overdue";
    ActionPlan: "Plan d'action", "Action plan";
    NoEscalationAwaiting: "Aucune escalade en attente", "No escalation awaiting an answer";
    EscalationWord: "Escalade", "Escalation";
    FromToColumn: "De → à", "From → to";
    AnswerDueTitle: "Réponse attendue", "Answer due";
    RaisedOn: "Émise le", "Raised on";
    ReceivedOn: "Reçue le", "Received on";
    OnWord: "Le", "On";
    LateLower: "en retard", "late";
    EscalationsAwaiting: "Escalades en attente de réponse", "Escalations awaiting an answer";
    NoVoteToday: "Aucun vote aujourd'hui", "No vote today";
    VoteWord: "vote", "vote";
    VotesWord: "votes", "votes";
    AnonymousPlural: "anonymes", "anonymous";
    TodayTitle: "Aujourd'hui", "Today";
    WeeklyMean: "Moyenne par semaine", "Weekly mean";
    TeamMood: "Météo de l'équipe", "Team mood";
    NoVoteLately: "Aucun vote ces dernières semaines", "No vote in the last weeks";
    WeeklyMeanLabel: "Moyenne des votes par semaine, de 0 à 4", "Weekly mean vote, 0 to 4";
    WeekOf: "Semaine du", "Week of";
    OutOfFour: "sur 4", "out of 4";
    NoStage: "Aucune étape", "No stage";
    NoClientWaiting: "Aucun client en attente", "No client waiting";
    Code: "Code", "Code";
    Waiting: "Attente", "Waiting";
    ClientsPerStage: "Clients par étape", "Clients per stage";
    NoHuddleRecorded: "Aucun caucus enregistré", "No huddle recorded";
    DaysWithAHuddleOutOf: "jours avec un caucus sur", "days with a huddle out of";
    WorkingDays: "jours ouvrables", "working days";
    TheLastFourWeeks: "Les 4 dernières semaines", "The last 4 weeks";
    Regularity: "Régularité", "Regularity";
    AttendeeWord: "présent", "attendee";
    AttendeesWord: "présents", "attendees";
    NoDecisionNoted: "Aucune décision notée", "No decision noted";
    ActionsCreatedTitle: "Actions créées", "Actions created";
    EscalationsRaisedTitle: "Escalades soulevées", "Escalations raised";
}

impl T {
    /// The text in `lang` with its named arguments filled: `("n", &3)` puts 3 for `{n}`. The
    /// text is read once, so a value that holds braces is never read as an argument; a name
    /// with no value stays as written.
    pub fn with(self, lang: Lang, args: &[(&str, &dyn Display)]) -> String {
        let mut out = String::new();
        let mut rest = self.words(lang);
        while let Some(open) = rest.find('{') {
            out.push_str(&rest[..open]);
            let after = &rest[open + 1..];
            let value = after
                .split_once('}')
                .and_then(|(name, tail)| Some((args.iter().find(|(n, _)| *n == name)?.1, tail)));
            match value {
                Some((value, tail)) => {
                    out.push_str(&value.to_string());
                    rest = tail;
                }
                None => {
                    out.push('{');
                    rest = after;
                }
            }
        }
        out.push_str(rest);
        out
    }
}

/// A fixed text in the board's language.
pub fn tr(lang: Lang, t: T) -> &'static str {
    t.words(lang)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The `{name}`s a text asks for.
    fn arguments(text: &str) -> Vec<&str> {
        let mut names: Vec<&str> = text
            .split('{')
            .skip(1)
            .filter_map(|rest| rest.split_once('}').map(|(name, _)| name))
            .collect();
        names.sort_unstable();
        names
    }

    #[test]
    fn both_languages_name_the_same_arguments() {
        for t in T::ALL {
            assert_eq!(
                arguments(t.words(Lang::Fr)),
                arguments(t.words(Lang::En)),
                "{t:?}"
            );
            assert!(!t.words(Lang::Fr).trim().is_empty(), "{t:?}");
            assert!(!t.words(Lang::En).trim().is_empty(), "{t:?}");
        }
    }

    #[test]
    fn arguments_are_filled_by_name() {
        assert_eq!(T::Add.with(Lang::Fr, &[]), "Ajouter");
        let by = "{time}";
        assert_eq!(
            T::PhotoTakenAt.with(Lang::En, &[("by", &by), ("time", &"08:30")]),
            "Taken at 08:30 by {time}"
        );
        assert_eq!(T::CountOverdue.with(Lang::Fr, &[("n", &3)]), "3 en retard");
    }
}
