//! Every word the kiosk shows, in French and English.
//!
//! Each text is one [`T`] variant whose match arm holds both languages, so a text cannot exist
//! in one language only: the compiler refuses a missing arm.

use chrono::{Datelike as _, NaiveDate, NaiveDateTime};

use crate::model::{Lang, Level};

/// The fixed texts of the screen.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum T {
    Boards,
    ChooseBoard,
    Close,
    Huddle,
    NoValueYet,
    Target,
    NoActionYet,
    NoIdeaYet,
    NoEscalationYet,
    EscalationsGoTo,
    TopOfChain,
    NoVoteYet,
    AttendanceNotTaken,
    NoClientYet,
    NoNoteYet,
    DayNotRecorded,
    NoUnits,
    ShowingLastGood,
    FileMissing,
    MoreProblems,
    NoBoards,
    Daily,
    Weekly,
    Monthly,
    LowerIsBetter,
    HigherIsBetter,
    Reports,
    BoardsFolderUnreadable,
    Date,
    Value,
    What,
    Who,
    Due,
    Idea,
    ProposedBy,
    Why,
    Stage,
    Since,
    ClientCode,
    NextStep,
    Text,
    Recognition,
    Until,
    Yes,
    No,
    LooksLikeAName,
    Save,
    Cancel,
    NoDate,
    InOneWeek,
    InTwoWeeks,
    InOneMonth,
    Add,
    Undo,
    ChangedBy,
    At,
    Overdue,
    Stale,
    Todo,
    Doing,
    Done,
    Cancelled,
    SafetyNone,
    SafetyNoneShort,
    SafetyMinorShort,
    SafetySeriousShort,
    DayNotRecordedShort,
    SafetyMinor,
    SafetySerious,
    WhoAreYou,
    Nobody,
    Present,
    WipExceeded,
    DaysInStage,
    StoreUnavailable,
    TapToEnter,
    NothingToUndo,
    Open,
    Answered,
    Taken,
    Closed,
    AskedOn,
    MoodTrend,
    TheKiosk,
    Anonymous,
    TapPlusToAdd,
    Space,
    To,
    Note,
    SaveNote,
    ChooseADay,
    EndFollowUp,
    ShowLarge,
    More,
    Menu,
    MoreColumns,
    OneMore,
    OneMoreColumn,
    EnterValue,
    Values,
    Median,
    WarningZone,
    Signal,
    NoSignal,
    FewPoints,
    HowToRead,
    StartHuddle,
    EndHuddle,
    Next,
    Previous,
    WhoIsHere,
    Roles,
    Facilitator,
    Secretary,
    Timekeeper,
    Suggested,
    Begin,
    NoteDecision,
    Decisions,
    Decision,
    MakeAction,
    NowAnAction,
    OverBy,
    Total,
    Item,
    LastHuddle,
    InFourWeeks,
    NoHuddleYet,
    HuddleSummary,
    SaveAndEnd,
    KeepGoing,
    ActionsCreated,
    EscalationsRaised,
    Duration,
    NoDecisionYet,
    DataFeed,
    Line,
    TapWhoIsHere,
    End,
    Synced,
    NotSyncedSince,
    NeverSynced,
    SyncStopped,
    SyncWaiting,
    Answer,
    TakeIt,
    AnswerIt,
    SendUp,
    CloseIt,
    Late,
    From,
    AnswerDue,
    AnswerFrom,
    SentUpTo,
    SendSnapshot,
    SnapshotSent,
    SnapshotNotSent,
    Unit,
    Signals,
    OverdueActions,
    OpenEscalations,
    Snapshot,
    NoSnapshot,
    Today,
    WorkingDaysAgo,
    TapUnit,
    Access,
    Continuity,
    WellBeing,
    Safety,
    Quality,
    TakenAt,
    ReadOnlySnapshot,
    OpenActions,
    Clients,
    LongestWaits,
    LiveBoard,
    OverdueShort,
    ReadOnly,
    PrivateHidden,
    HideNow,
}

/// A fixed text in the board's language.
pub fn tr(lang: Lang, t: T) -> &'static str {
    let (fr, en) = match t {
        T::Boards => ("Tableaux", "Boards"),
        T::ChooseBoard => ("Choisir un tableau", "Choose a board"),
        T::Close => ("Fermer", "Close"),
        T::Huddle => ("Caucus", "Huddle"),
        T::NoValueYet => ("Aucune valeur encore", "No value yet"),
        T::Target => ("Cible", "Target"),
        T::NoActionYet => ("Aucune action pour l'instant", "No action yet"),
        T::NoIdeaYet => ("Aucune idée pour l'instant", "No idea yet"),
        T::NoEscalationYet => ("Aucune escalade", "No escalation"),
        T::EscalationsGoTo => (
            "Ce que l'équipe ne peut régler seule monte à",
            "What the team cannot solve alone goes up to",
        ),
        T::TopOfChain => (
            "Ce tableau est au sommet de la chaîne",
            "This board is at the top of the chain",
        ),
        T::NoVoteYet => ("Personne n'a encore voté aujourd'hui", "No vote yet today"),
        T::AttendanceNotTaken => ("Présences pas encore prises", "Attendance not taken yet"),
        T::NoClientYet => ("Aucune fiche pour l'instant", "No status sheet yet"),
        T::NoNoteYet => ("Aucune annonce pour l'instant", "No announcement yet"),
        T::DayNotRecorded => ("Jour non saisi", "Day not recorded"),
        T::NoUnits => (
            "Aucun tableau ne relève de celui-ci",
            "No board reports to this one",
        ),
        T::ShowingLastGood => (
            "le tableau affiché est la dernière version valide",
            "the board shown is the last valid version",
        ),
        T::FileMissing => (
            "fichier supprimé ou déplacé : le tableau reste tel qu'il était",
            "file deleted or moved: the board stays as it was",
        ),
        T::MoreProblems => (
            "autre(s) problème(s) : lancer « huddle check »",
            "more problem(s): run \"huddle check\"",
        ),
        T::NoBoards => (
            "Aucun tableau valide dans ce dossier. Ajoutez un fichier .toml (voir docs/boards.md).",
            "No valid board in this folder. Add a .toml file (see docs/boards.md).",
        ),
        T::Daily => ("quotidien", "daily"),
        T::Weekly => ("hebdomadaire", "weekly"),
        T::Monthly => ("mensuel", "monthly"),
        T::LowerIsBetter => ("plus bas = mieux", "lower is better"),
        T::HigherIsBetter => ("plus haut = mieux", "higher is better"),
        T::Reports => ("relèvent de ce tableau", "report to this board"),
        T::BoardsFolderUnreadable => (
            "Dossier des tableaux illisible",
            "Boards folder cannot be read",
        ),
        T::Date => ("Date", "Date"),
        T::Value => ("Valeur", "Value"),
        T::What => ("Quoi", "What"),
        T::Who => ("Qui", "Who"),
        T::Due => ("Pour quand", "Due"),
        T::Idea => ("Idée", "Idea"),
        T::ProposedBy => ("Proposée par", "Proposed by"),
        T::Why => ("Pourquoi", "Why"),
        T::Stage => ("Étape", "Stage"),
        T::Since => ("Depuis le", "Since"),
        T::ClientCode => ("Code d'usager", "Client code"),
        T::NextStep => ("Prochaine étape", "Next step"),
        T::Text => ("Texte", "Text"),
        T::Recognition => ("Reconnaissance", "Recognition"),
        T::Until => ("Affiché jusqu'au", "Shown until"),
        T::Yes => ("Oui", "Yes"),
        T::No => ("Non", "No"),
        T::LooksLikeAName => (
            "Ceci ressemble à un nom. N'inscrivez qu'un code d'usager, jamais un nom.",
            "This looks like a name. Write a client code only, never a name.",
        ),
        T::Save => ("Enregistrer", "Save"),
        T::Cancel => ("Annuler", "Cancel"),
        T::NoDate => ("Aucune date", "No date"),
        T::InOneWeek => ("+1 sem.", "+1 week"),
        T::InTwoWeeks => ("+2 sem.", "+2 weeks"),
        T::InOneMonth => ("+1 mois", "+1 month"),
        T::Add => ("Ajouter", "Add"),
        T::Undo => ("Défaire", "Undo"),
        T::ChangedBy => ("modifié par", "changed by"),
        T::At => ("à", "at"),
        T::Overdue => ("En retard", "Overdue"),
        T::Stale => ("Immobile", "Stale"),
        T::Todo => ("À faire", "To do"),
        T::Doing => ("En cours", "Doing"),
        T::Done => ("Fait", "Done"),
        T::Cancelled => ("Abandonné", "Dropped"),
        T::SafetyNone => ("Aucun événement", "No event"),
        T::SafetyNoneShort => ("Aucun", "None"),
        T::SafetyMinorShort => ("Mineur", "Minor"),
        T::SafetySeriousShort => ("Grave", "Serious"),
        T::DayNotRecordedShort => ("Non saisi", "Not recorded"),
        T::SafetyMinor => ("Événement mineur", "Minor event"),
        T::SafetySerious => ("Événement grave", "Serious event"),
        T::WhoAreYou => ("Qui êtes-vous?", "Who are you?"),
        T::Nobody => ("Personne", "Nobody"),
        T::Present => ("présents", "present"),
        T::WipExceeded => ("limite dépassée", "limit exceeded"),
        T::DaysInStage => ("j", "d"),
        T::StoreUnavailable => (
            "Les données ne peuvent pas être enregistrées",
            "Data cannot be saved",
        ),
        T::TapToEnter => ("Touchez pour saisir", "Tap to enter"),
        T::NothingToUndo => ("Rien à défaire", "Nothing to undo"),
        T::Open => ("Ouverte", "Open"),
        T::Answered => ("Répondue", "Answered"),
        T::Answer => ("Réponse", "Answer"),
        T::TakeIt => ("Prendre en charge", "Take it"),
        T::AnswerIt => ("Répondre", "Answer"),
        T::SendUp => ("Faire monter", "Send up"),
        T::CloseIt => ("Clore", "Close it"),
        T::Late => ("En retard", "Late"),
        T::From => ("de", "from"),
        T::AnswerDue => ("réponse attendue le", "answer expected by"),
        T::AnswerFrom => ("Réponse de", "Answer from"),
        T::SentUpTo => ("montée à", "sent up to"),
        T::SendSnapshot => ("Envoyer la photo", "Send snapshot"),
        T::SnapshotSent => ("Photo envoyée à", "Snapshot sent at"),
        T::SnapshotNotSent => ("Photo non envoyée", "Snapshot not sent"),
        T::Unit => ("Unité", "Unit"),
        T::Signals => ("Signaux", "Signals"),
        T::OverdueActions => ("Actions en retard", "Overdue actions"),
        T::OpenEscalations => ("Escalades", "Escalations"),
        T::Snapshot => ("Photo", "Snapshot"),
        T::NoSnapshot => ("Aucune photo", "No snapshot"),
        T::Today => ("auj.", "today"),
        T::WorkingDaysAgo => ("j ouvr.", "work days"),
        T::TapUnit => (
            "Touchez une unité pour voir sa dernière photo",
            "Tap a unit to see its latest snapshot",
        ),
        T::Access => ("Accès", "Access"),
        T::Continuity => ("Continuité", "Continuity"),
        T::WellBeing => ("Bien-être", "Well-being"),
        T::Safety => ("Sécurité", "Safety"),
        T::Quality => ("Qualité", "Quality"),
        T::TakenAt => ("prise le", "taken on"),
        T::ReadOnlySnapshot => (
            "Photo en lecture seule, telle qu'elle a été envoyée",
            "Read-only snapshot, as it was sent",
        ),
        T::OpenActions => ("Actions ouvertes", "Open actions"),
        T::Clients => ("usagers", "clients"),
        T::LongestWaits => ("Plus longues attentes", "Longest waits"),
        T::LiveBoard => ("Voir son tableau", "See its board"),
        T::OverdueShort => ("En retard", "Overdue"),
        T::ReadOnly => ("lecture seule", "read-only"),
        T::PrivateHidden => (
            "Fiches masquées — touchez pour afficher",
            "Sheets hidden — tap to show",
        ),
        T::HideNow => ("Masquer", "Hide"),
        T::Taken => ("Prise en charge", "Taken"),
        T::Closed => ("Fermée", "Closed"),
        T::AskedOn => ("levée le", "raised on"),
        T::MoodTrend => ("Tendance (moyenne par semaine)", "Trend (weekly average)"),
        T::TheKiosk => ("la borne", "the kiosk"),
        T::Anonymous => ("anonyme", "anonymous"),
        T::TapPlusToAdd => ("touchez + pour en ajouter", "tap + to add one"),
        T::Space => ("espace", "space"),
        T::To => ("À", "To"),
        T::Note => ("Note", "Note"),
        T::SaveNote => ("Enregistrer la note", "Save the note"),
        T::ChooseADay => (
            "Touchez un jour pour changer sa couleur",
            "Tap a day to change its colour",
        ),
        T::EndFollowUp => ("Terminer", "Done"),
        T::ShowLarge => ("Voir en grand", "Show large"),
        T::More => ("autres", "more"),
        T::Menu => ("Menu", "Menu"),
        T::MoreColumns => ("colonnes", "columns"),
        T::OneMore => ("autre", "more"),
        T::OneMoreColumn => ("colonne", "column"),
        T::EnterValue => ("Saisir une valeur", "Enter a value"),
        T::Values => ("Valeurs", "Values"),
        T::Median => ("Médiane", "Median"),
        T::WarningZone => ("Zone d'alerte", "Warning zone"),
        T::Signal => ("Signal", "Signal"),
        T::NoSignal => (
            "Aucun signal : la variation est ordinaire, rien ne dit que le processus a changé",
            "No signal: ordinary variation, nothing says the process has changed",
        ),
        T::FewPoints => (
            "Il faut au moins 10 valeurs pour lire les signaux avec confiance",
            "At least 10 values are needed to read signals with confidence",
        ),
        T::HowToRead => (
            "Signal = 6 points d'un même côté de la médiane, 5 points qui montent ou descendent, ou un point très loin des autres. Un trou = une période sans valeur.",
            "Signal = 6 points on one side of the median, 5 points going up or down, or a point far from the others. A gap = a period with no value.",
        ),
        T::StartHuddle => ("Commencer le caucus", "Start huddle"),
        T::EndHuddle => ("Terminer le caucus", "End huddle"),
        T::Next => ("Suivant", "Next"),
        T::Previous => ("Précédent", "Previous"),
        T::WhoIsHere => ("Qui est là ?", "Who is here?"),
        T::Roles => ("Rôles", "Roles"),
        T::Facilitator => ("Animateur", "Facilitator"),
        T::Secretary => ("Secrétaire", "Secretary"),
        T::Timekeeper => ("Gardien du temps", "Timekeeper"),
        T::Suggested => ("suggéré", "suggested"),
        T::Begin => ("Commencer", "Begin"),
        T::NoteDecision => ("Noter une décision", "Note a decision"),
        T::Decisions => ("Décisions", "Decisions"),
        T::Decision => ("Décision", "Decision"),
        T::MakeAction => ("En faire une action", "Make it an action"),
        T::NowAnAction => ("devenue une action", "now an action"),
        T::OverBy => ("Dépassé de", "Over by"),
        T::Total => ("Total", "Total"),
        T::Item => ("Point", "Item"),
        T::LastHuddle => ("Dernier caucus", "Last huddle"),
        T::InFourWeeks => ("en 4 semaines", "in 4 weeks"),
        T::NoHuddleYet => ("Aucun caucus noté encore", "No huddle recorded yet"),
        T::HuddleSummary => ("Résumé du caucus", "Huddle summary"),
        T::SaveAndEnd => ("Enregistrer et terminer", "Save and end"),
        T::KeepGoing => ("Continuer le caucus", "Keep going"),
        T::ActionsCreated => ("actions créées", "actions created"),
        T::EscalationsRaised => ("escalades", "escalations raised"),
        T::Duration => ("Durée", "Duration"),
        T::NoDecisionYet => ("Aucune décision pour ce point", "No decision on this item"),
        T::DataFeed => ("Flux de données", "Data feed"),
        T::Synced => ("Synchro", "Synced"),
        T::NotSyncedSince => ("Pas synchronisé depuis", "Not synced since"),
        T::NeverSynced => ("Pas encore synchronisé", "Not synced yet"),
        T::SyncStopped => ("Synchronisation arrêtée", "Sync stopped"),
        T::SyncWaiting => ("en attente", "waiting"),
        T::Line => ("ligne", "line"),
        T::TapWhoIsHere => (
            "Touchez le nom de chaque personne présente : les rôles seront suggérés à tour de rôle",
            "Tap the name of everyone here: roles will be suggested in rotation",
        ),
        T::End => ("Terminer", "End"),
    };
    match lang {
        Lang::Fr => fr,
        Lang::En => en,
    }
}

/// Why the store refused to write, in the screen's language (the refusals a person at the
/// screen can act on; others as the store words them).
pub fn store_error(lang: Lang, error: &crate::store::StoreError) -> String {
    use crate::store::StoreError as E;
    match (lang, error) {
        (Lang::Fr, E::DiskFull(dir)) => format!(
            "le disque de {} est plein : rien ne peut être enregistré avant qu'on y libère de la place ; le tableau reste affiché tel quel",
            dir.display()
        ),
        (Lang::Fr, E::Replaced { path, .. }) => format!(
            "{} n'est plus la base de données ouverte par ce kiosque (un autre fichier a été mis à sa place) ; rien n'y est écrit. Redémarrez le kiosque une fois le bon fichier remis",
            path.display()
        ),
        (Lang::Fr, E::Refused(crate::model::Refused::TooLong(long))) => format!(
            "texte trop long : {} caractères, {} au plus",
            long.found, long.max
        ),
        (Lang::Fr, E::Refused(crate::model::Refused::ClientName(_))) => {
            tr(Lang::Fr, T::LooksLikeAName).to_owned()
        }
        (_, e) => e.to_string(),
    }
}

/// Why an input was refused, in the screen's language.
pub fn input_error(lang: Lang, error: &crate::model::InputError) -> String {
    use crate::model::InputError as E;
    match (lang, error) {
        (Lang::Fr, E::NotANumber(t)) => format!(
            "« {t} » n'est pas un nombre : tapez des chiffres, avec une virgule pour les décimales (12,5)"
        ),
        (Lang::Fr, E::NotADate(t)) => format!("« {t} » n'est pas une date"),
        (Lang::Fr, E::Empty(what)) => format!(
            "Le champ « {} » est vide : écrivez quelques mots",
            field_fr(what)
        ),
        (Lang::Fr, E::OutOfRange(t)) => t.clone(),
        (Lang::Fr, E::LooksLikeAName(_)) => tr(Lang::Fr, T::LooksLikeAName).to_owned(),
        (Lang::En, E::LooksLikeAName(_)) => tr(Lang::En, T::LooksLikeAName).to_owned(),
        (Lang::Fr, E::TooLong(long)) => format!(
            "Texte trop long : {} caractères, {} au plus ; raccourcissez-le",
            long.found, long.max
        ),
        (Lang::Fr, E::WrongSection { section, .. } | E::NoSection { section, .. }) => {
            format!("Section « {section} » introuvable")
        }
        (Lang::En, e) => e.to_string(),
    }
}

fn field_fr(what: &str) -> &str {
    match what {
        "action" => "Quoi",
        "idea" => "Idée",
        "escalation" => "Quoi",
        "reason" => "Pourquoi",
        "answer" => "Réponse",
        "client code" => "Code d'usager",
        "note" => "Texte",
        "date" => "Date",
        other => other,
    }
}

/// Who made a change, as the screen says it: changes made with nobody chosen are the kiosk's.
pub fn author(lang: Lang, by: &str) -> &str {
    match by {
        "kiosk" => tr(lang, T::TheKiosk),
        "—" => tr(lang, T::Anonymous),
        other => other,
    }
}

/// The name of a face of the mood scale, 0 (worst) to 4 (best): the faces' accessible names.
pub fn mood_name(lang: Lang, level: u8) -> &'static str {
    let fr = ["Mal", "Pas bien", "Moyen", "Bien", "Très bien"];
    let en = ["Bad", "Not good", "So-so", "Good", "Very good"];
    let i = usize::from(level.min(4));
    match lang {
        Lang::Fr => fr[i],
        Lang::En => en[i],
    }
}

/// The name of a hierarchical level.
pub fn level_name(lang: Lang, level: &Level) -> String {
    let (fr, en) = match level {
        Level::Team => ("Équipe", "Team"),
        Level::Manager => ("Gestion", "Manager"),
        Level::Director => ("Direction", "Director"),
        Level::Steering => ("Comité directeur", "Steering committee"),
        Level::Other(name) => return name.clone(),
    };
    match lang {
        Lang::Fr => fr.to_owned(),
        Lang::En => en.to_owned(),
    }
}

/// A date as people write it on a board: "lun. 23 nov." / "Mon 23 Nov". (The `fr_FR` tables
/// abbreviate with a period, as the Office québécois de la langue française does; `fr_CA` does not.)
pub fn short_date(lang: Lang, date: NaiveDate) -> String {
    match lang {
        Lang::Fr => date
            .format_localized("%a %-d %b", chrono::Locale::fr_FR)
            .to_string(),
        Lang::En => date.format("%a %-d %b").to_string(),
    }
}

/// The day and month, for chart axes: "23 nov." / "23 Nov".
pub fn day_month(lang: Lang, date: NaiveDate) -> String {
    match lang {
        Lang::Fr => date
            .format_localized("%-d %b", chrono::Locale::fr_FR)
            .to_string(),
        Lang::En => date.format("%-d %b").to_string(),
    }
}

/// The month and year: "novembre 2026" / "November 2026".
pub fn month_year(lang: Lang, date: NaiveDate) -> String {
    match lang {
        Lang::Fr => date
            .format_localized("%B %Y", chrono::Locale::fr_FR)
            .to_string(),
        Lang::En => date.format("%B %Y").to_string(),
    }
}

/// One-letter day names for calendar headers, Monday first.
pub fn weekday_letters(lang: Lang) -> [&'static str; 7] {
    match lang {
        Lang::Fr => ["L", "M", "M", "J", "V", "S", "D"],
        Lang::En => ["M", "T", "W", "T", "F", "S", "S"],
    }
}

/// Time of day: "08:30" in both languages (Québec writes 8 h 30, boards keep it short).
/// How many other screens share this board's data: "2 autres écrans" / "1 other screen".
pub fn other_screens(lang: Lang, n: usize) -> String {
    match (lang, n) {
        (Lang::Fr, 0) => "aucun autre écran".to_owned(),
        (Lang::En, 0) => "no other screen".to_owned(),
        (Lang::Fr, 1) => "1 autre écran".to_owned(),
        (Lang::Fr, n) => format!("{n} autres écrans"),
        (Lang::En, 1) => "1 other screen".to_owned(),
        (Lang::En, n) => format!("{n} other screens"),
    }
}

/// Why sync stopped and what to do, in the board's language.
pub fn sync_refusal(lang: Lang, refusal: crate::sync::Refusal) -> &'static str {
    use crate::sync::Refusal;
    let (fr, en) = match refusal {
        Refusal::FolderReset => (
            "le dossier partagé semble vide ou recréé alors que cet écran y avait publié. Rien n'y est fait tant que le service informatique n'a pas vérifié (huddle sync status). Ce qui est saisi ici est gardé.",
            "the shared folder looks empty or re-created although this screen had published there. Nothing is done there until IT has checked (huddle sync status). What is entered here is kept.",
        ),
        Refusal::DuplicateDevice => (
            "un autre ordinateur écrit avec l'identité de cet écran (dossier de données copié ?). Le service informatique doit lui en donner une nouvelle (huddle sync --new-device-id). Ce qui est saisi ici est gardé.",
            "another computer writes with this screen's identity (a copied data folder?). IT must give it a new one (huddle sync --new-device-id). What is entered here is kept.",
        ),
        Refusal::DatabaseInShare => (
            "la base de données est dans le dossier partagé, où elle serait abîmée. Le service informatique doit la garder sur le disque de cet ordinateur (--data-dir).",
            "the database is inside the shared folder, where it would be damaged. IT must keep it on this computer's disk (--data-dir).",
        ),
        Refusal::TooNew => (
            "le dossier partagé vient d'une version plus récente de Huddle : installez-la. Ce qui est saisi ici est gardé.",
            "the shared folder comes from a newer Huddle: install it. What is entered here is kept.",
        ),
    };
    match lang {
        Lang::Fr => fr,
        Lang::En => en,
    }
}

/// The PIN pad's answer to a wrong PIN.
pub fn wrong_pin(lang: Lang, left: u32, wait: chrono::Duration) -> String {
    let minutes = wait.num_minutes().max(1);
    match (lang, minutes) {
        (Lang::Fr, 1) => {
            format!("NIP incorrect — encore {left} essai(s) avant une pause d'une minute")
        }
        (Lang::Fr, m) => {
            format!("NIP incorrect — encore {left} essai(s) avant une pause de {m} minutes")
        }
        (Lang::En, 1) => format!("Wrong PIN — {left} more try(ies) before a one-minute wait"),
        (Lang::En, m) => format!("Wrong PIN — {left} more try(ies) before a {m}-minute wait"),
    }
}

/// The PIN pad's answer after too many wrong PINs.
pub fn pin_waits(lang: Lang, until: NaiveDateTime) -> String {
    match lang {
        Lang::Fr => format!("Trop d'essais : réessayez à {}", time_of_day(until)),
        Lang::En => format!("Too many tries: try again at {}", time_of_day(until)),
    }
}

/// A time of day, "08:41".
pub fn time_of_day(now: NaiveDateTime) -> String {
    now.format("%H:%M").to_string()
}

/// A number as written in the language: "92,5" / "92.5", without useless decimals.
pub fn number(lang: Lang, n: f64) -> String {
    let text = if n.fract() == 0.0 {
        format!("{n:.0}")
    } else {
        let t = format!("{n:.2}");
        t.trim_end_matches('0').trim_end_matches('.').to_owned()
    };
    match lang {
        Lang::Fr => text.replace('.', ","),
        Lang::En => text,
    }
}

/// Days in the month of `date`.
pub fn days_in_month(date: NaiveDate) -> u32 {
    let (y, m) = (date.year(), date.month());
    let next = if m == 12 {
        NaiveDate::from_ymd_opt(y + 1, 1, 1)
    } else {
        NaiveDate::from_ymd_opt(y, m + 1, 1)
    };
    next.and_then(|n| n.pred_opt()).map_or(31, |d| d.day())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_read_as_people_write_them() {
        let d = NaiveDate::from_ymd_opt(2026, 11, 23).unwrap();
        assert_eq!(short_date(Lang::Fr, d), "lun. 23 nov.");
        assert_eq!(short_date(Lang::En, d), "Mon 23 Nov");
        assert_eq!(month_year(Lang::Fr, d), "novembre 2026");
    }

    #[test]
    fn numbers_use_the_language_decimal_mark() {
        assert_eq!(number(Lang::Fr, 92.5), "92,5");
        assert_eq!(number(Lang::En, 92.5), "92.5");
        assert_eq!(number(Lang::Fr, 12.0), "12");
    }

    #[test]
    fn month_lengths() {
        let feb = NaiveDate::from_ymd_opt(2028, 2, 10).unwrap();
        assert_eq!(days_in_month(feb), 29);
        let dec = NaiveDate::from_ymd_opt(2026, 12, 1).unwrap();
        assert_eq!(days_in_month(dec), 31);
    }
}
