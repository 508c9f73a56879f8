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
    NoBetterSide: "ni plus haut ni plus bas n'est mieux", "no better side";
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
    // ui/facilitator.rs
    FacilitatorMode: "Mode animateur", "Facilitator mode";
    NoPinAnyoneCanOpen: "Aucun NIP n'est défini : tout le monde peut ouvrir ce mode. Définissez-en un avec « huddle pin set ».", "No PIN is set: anyone can open this mode. Set one with `huddle pin set`.";
    OpenIt: "Ouvrir", "Open";
    EnterPin: "Entrez le NIP", "Enter the PIN";
    Key: "Touche", "Key";
    Erase: "Effacer", "Erase";
    Lock: "Verrouiller", "Lock";
    NoPinSetOne: "Aucun NIP n'est défini : définissez-en un avec « huddle pin set » sur cet ordinateur.", "No PIN is set: set one with `huddle pin set` on this computer.";
    ClosesByItself: "Ce mode se referme seul après 2 minutes sans toucher l'écran.", "This mode closes by itself after 2 minutes without a touch.";
    HistoryOfChanges: "Historique des changements", "History of changes";
    DeleteEntries: "Supprimer des éléments", "Delete entries";
    LeaveFullScreen: "Quitter le plein écran", "Leave full screen";
    BackToFullScreen: "Revenir au plein écran", "Back to full screen";
    BoardsShownOnThisScreen: "Tableaux affichés sur cet écran", "Boards shown on this screen";
    ApplyThisChoice: "Appliquer ce choix", "Apply this choice";
    SettingsInEffect: "Réglages en vigueur", "Settings in effect";
    HistoryExplained: "Qui a changé quoi, et quand — le plus récent d'abord. « huddle history » l'exporte.", "Who changed what, and when — newest first. `huddle history` exports it.";
    NoChangeYet: "Aucun changement encore.", "No change yet.";
    Delete: "Supprimer", "Delete";
    // Run-chart signals.
    Shift: "Déplacement", "Shift";
    Trend: "Tendance", "Trend";
    AstronomicalPoint: "Point hors norme", "Astronomical point";
    AboveTheMedian: "au-dessus de la médiane", "above the median";
    BelowTheMedian: "sous la médiane", "below the median";
    GoingUp: "à la hausse", "going up";
    GoingDown: "à la baisse", "going down";
    SignalSince: "{name} : {points} points {what} depuis le {since}", "{name}: {points} points {what} since {since}";
    SignalOn: "{name} le {since}", "{name} on {since}";
    // The history of changes.
    UndoneLater: "annulé ensuite", "undone later";
    KindValue: "valeur", "value";
    KindIdea: "idée", "idea";
    KindMood: "humeur", "mood";
    KindAttendance: "présence", "attendance";
    KindClient: "usager", "client";
    KindSafety: "sécurité", "safety";
    KindHuddle: "caucus", "huddle";
    KindEscalation: "escalade", "escalation";
    KindTested: "changement testé", "change tested";
    OpAdded: "ajout", "added";
    OpChanged: "modification", "changed";
    OpDeleted: "suppression", "deleted";
    OpUndone: "annulation", "undone";
    // The kiosk.
    ShownUntilRestart: "Choix des tableaux appliqué jusqu'au prochain redémarrage seulement : {err}", "Boards chosen apply until the next restart only: {err}";
    TouchToWake: "Touchez l'écran pour l'allumer", "Touch the screen to wake it";
    // Board files.
    IdeaProposed: "Proposée", "Proposed";
    IdeaTesting: "À l'essai", "Testing";
    IdeaAdopted: "Adoptée", "Adopted";
    // Refusals on the screen.
    DiskFull: "le disque de {dir} est plein : rien ne peut être enregistré avant qu'on y libère de la place ; le tableau reste affiché tel quel", "the disk holding {dir} is full: nothing can be saved until space is freed (old files, logs, backups of other programs); what is stored is shown as it was";
    DatabaseReplaced: "{path} n'est plus la base de données ouverte par ce kiosque (un autre fichier a été mis à sa place) ; rien n'y est écrit. Redémarrez le kiosque une fois le bon fichier remis", "{path} is no longer the database this kiosk opened (another file was put in its place); nothing was written to it. Restart the kiosk once the right file is back; what was typed since is refused, not lost in a foreign file.";
    ChangeTooLong: "texte trop long : {found} caractères, {max} au plus", "text too long: {found} characters, at most {max}";
    InputNotANumber: "« {text} » n'est pas un nombre : tapez des chiffres, avec une virgule pour les décimales (12,5)", "\"{text}\" is not a number; write digits, with a comma or a point for decimals (12,5)";
    InputNotADate: "« {text} » n'est pas une date : écrivez-la 2026-11-23 ou 23/11/2026", "\"{text}\" is not a date; write it as 2026-11-23 or 23/11/2026";
    InputEmpty: "Le champ « {field} » est vide : écrivez quelques mots", "the {field} is empty; write a few words";
    InputTooLong: "Texte trop long : {found} caractères, {max} au plus ; raccourcissez-le", "Text too long: {found} characters, at most {max}; shorten it";
    NoSuchSection: "Section « {section} » introuvable", "No section `{section}` here";
    WrongPinOneMinute: "NIP incorrect — encore {left} essai(s) avant une pause d'une minute", "Wrong PIN — {left} more try(ies) before a one-minute wait";
    WrongPinMinutes: "NIP incorrect — encore {left} essai(s) avant une pause de {minutes} minutes", "Wrong PIN — {left} more try(ies) before a {minutes}-minute wait";
    TooManyTries: "Trop d'essais : réessayez à {time}", "Too many tries: try again at {time}";
    // Sync.
    NoOtherScreen: "aucun autre écran", "no other screen";
    OneOtherScreen: "1 autre écran", "1 other screen";
    OtherScreens: "{n} autres écrans", "{n} other screens";
    SyncFolderReset: "le dossier partagé semble vide ou recréé alors que cet écran y avait publié. Rien n'y est fait tant que le service informatique n'a pas vérifié (huddle sync status). Ce qui est saisi ici est gardé.", "the shared folder looks empty or re-created although this screen had published there. Nothing is done there until IT has checked (huddle sync status). What is entered here is kept.";
    SyncDuplicateDevice: "un autre ordinateur écrit avec l'identité de cet écran (dossier de données copié ?). Le service informatique doit lui en donner une nouvelle (huddle sync --new-device-id). Ce qui est saisi ici est gardé.", "another computer writes with this screen's identity (a copied data folder?). IT must give it a new one (huddle sync --new-device-id). What is entered here is kept.";
    SyncDatabaseInShare: "la base de données est dans le dossier partagé, où elle serait abîmée. Le service informatique doit la garder sur le disque de cet ordinateur (--data-dir).", "the database is inside the shared folder, where it would be damaged. IT must keep it on this computer's disk (--data-dir).";
    SyncTooNew: "le dossier partagé vient d'une version plus récente de Huddle : installez-la. Ce qui est saisi ici est gardé.", "the shared folder comes from a newer Huddle: install it. What is entered here is kept.";
    // Names.
    MoodBad: "Mal", "Bad";
    MoodNotGood: "Pas bien", "Not good";
    MoodSoSo: "Moyen", "So-so";
    MoodGood: "Bien", "Good";
    MoodVeryGood: "Très bien", "Very good";
    LevelTeam: "Équipe", "Team";
    LevelManager: "Gestion", "Manager";
    LevelDirector: "Direction", "Director";
    LevelSteering: "Comité directeur", "Steering committee";
    // XmR charts.
    Variation: "Variation", "Variation";
    Assurance: "Atteinte de la cible", "Assurance";
    VarCommon: "variation ordinaire", "common cause variation";
    ReadImprovement: "amélioration", "improvement";
    ReadConcern: "préoccupation", "concern";
    ReadNeutral: "cause spéciale", "special cause";
    VarImprovementHigh: "amélioration (valeurs hautes)", "improvement (high values)";
    VarImprovementLow: "amélioration (valeurs basses)", "improvement (low values)";
    VarConcernHigh: "préoccupation (valeurs hautes)", "concern (high values)";
    VarConcernLow: "préoccupation (valeurs basses)", "concern (low values)";
    VarNeutralHigh: "cause spéciale (valeurs hautes)", "special cause (high values)";
    VarNeutralLow: "cause spéciale (valeurs basses)", "special cause (low values)";
    AssurancePass: "la cible sera atteinte", "the target will be met";
    AssuranceFail: "la cible ne sera pas atteinte sans changement", "the target will not be met without a change";
    AssuranceInconsistent: "la cible sera tantôt atteinte, tantôt manquée", "the target will be met and missed at random";
    CauseAboveUpl: "au-dessus de la limite supérieure", "above the upper limit";
    CauseBelowLpl: "sous la limite inférieure", "below the lower limit";
    CauseTrendIncreasing: "7 points de suite en hausse", "7 points in a row going up";
    CauseTrendDecreasing: "7 points de suite en baisse", "7 points in a row going down";
    CauseTwoInThreeAbove: "2 points sur 3 près de la limite supérieure", "2 of 3 points near the upper limit";
    CauseTwoInThreeBelow: "2 points sur 3 près de la limite inférieure", "2 of 3 points near the lower limit";
    CauseRunAbove: "7 points ou plus au-dessus de la moyenne", "7 or more points above the mean";
    CauseRunBelow: "7 points ou plus sous la moyenne", "7 or more points below the mean";
    CauseCommon: "aucune cause spéciale : la variation ordinaire du processus", "no special cause: the process's usual variation";
    LatestPoint: "Dernier point", "Latest point";
    HowToReadXmr: "Cause spéciale = un point hors des limites, 7 points de suite en hausse ou en baisse, 2 points sur 3 près d'une limite, ou 7 points d'un même côté de la moyenne. Bleu = amélioration, orange = préoccupation, gris = variation ordinaire. Un changement noté sur le graphique recommence le calcul des limites.", "Special cause = a point outside the limits, 7 points in a row going up or down, 2 of 3 points near a limit, or 7 points on one side of the mean. Blue = improvement, orange = concern, grey = common cause. A change marked on the chart starts the limits again.";
    Mean: "Moyenne", "Mean";
    ProcessLimits: "Limites du processus", "Process limits";
    NearLimits: "Zone proche des limites", "Near the limits";
    ChangeTested: "Changement", "Change";
    MarkChange: "Noter un changement", "Mark a change";
    WhatChanged: "Ce qui a changé", "What changed";
    MarkOnChart: "Noter sur un graphique", "Mark on a chart";
    Correct: "Corriger", "Correct";
    TapToCorrect: "Touchez une entrée pour la corriger.", "Tap an entry to correct it.";
    OnIndicator: "Sur l'indicateur", "On the indicator";
    LimitsNotReliable: "Moins de 12 valeurs depuis le début de cette phase : ses limites ne sont pas encore fiables", "Fewer than 12 values since this phase began: its limits are not reliable yet";
    ParentFileBroken: "le parent `{value}` est dans un fichier qui a des erreurs ({file}) : voyez ses problèmes ; ce tableau se relie à lui une fois le fichier corrigé", "parent `{value}`: its file has errors ({file}), see its problems; this board links to it once that file is fixed";
    UnitFileBroken: "l'unité `{value}` est dans un fichier qui a des erreurs ({file}) : voyez ses problèmes ; elle s'affiche une fois le fichier corrigé", "unit `{value}`: its file has errors ({file}), see its problems; it shows once that file is fixed";
    // huddle check's summary.
    CheckAllValid: "{checked} fichier(s) de tableau vérifié(s) : tous valides", "{checked} board file(s) checked: all valid";
    CheckValidWithWarnings: "{checked} fichier(s) de tableau vérifié(s) : tous valides, {warnings} avertissement(s)", "{checked} board file(s) checked: all valid, {warnings} warning(s)";
    CheckErrors: "{checked} fichier(s) de tableau vérifié(s) : {bad} avec des erreurs ({errors} erreur(s))", "{checked} board file(s) checked: {bad} with errors ({errors} error(s))";
    CheckErrorsAndWarnings: "{checked} fichier(s) de tableau vérifié(s) : {bad} avec des erreurs ({errors} erreur(s), {warnings} avertissement(s))", "{checked} board file(s) checked: {bad} with errors ({errors} error(s), {warnings} warning(s))";
    // Problems in board files and in the config file, as `huddle check` and the banner say them.
    // config/read.rs
    PinHashInConfig: "`pin_hash` est l'empreinte argon2 du NIP (elle commence par \"$argon2\"), jamais le NIP lui-même", "`pin_hash` is the PIN's argon2 hash (it starts with \"$argon2\"), never the PIN itself";
    NotATime: "`{key}` vaut \"{value}\" ; écrivez une heure comme \"07:30\"", "`{key}` is \"{value}\"; write a time such as \"07:30\"";
    NotADay: "« {value} » n'est pas un jour ; écrivez \"mon\", \"tue\", \"wed\", \"thu\", \"fri\", \"sat\" ou \"sun\" (lundi … dimanche)", "\"{value}\" is not a day; write \"mon\", \"tue\", \"wed\", \"thu\", \"fri\", \"sat\" or \"sun\"";
    ScaleOutOfRange: "`scale` vaut {n} ; {hint}", "`scale` is {n}; {hint}";
    ScaleNotANumber: "`scale` n'est ni \"auto\" ni un nombre ; {hint}", "`scale` is not \"auto\" or a number; {hint}";
    // layout/load.rs
    NotUtf8: "le fichier n'est pas du texte UTF-8 ; enregistrez-le en UTF-8 dans votre éditeur", "the file is not UTF-8 text; save it as UTF-8 in your editor";
    FileUnreadable: "le fichier ne peut pas être lu : {err}", "the file cannot be read: {err}";
    FileTooLarge: "le fichier fait {size}, un fichier de tableau fait au plus {max} ; il n'a pas été lu. Est-ce bien un fichier de tableau ?", "the file holds {size} where a board file holds at most {max}; it was not read. Is it really a board file?";
    NotAFile: "ce n'est pas un fichier ({kind}) ; il n'a pas été lu", "it is {kind}, not a file; it was not read";
    // layout/format.rs: the board format, as `huddle schema` describes it to editors.
    FmtFile: "Un fichier de tableau Huddle : sa grille, son équipe, son caucus et ses sections (voir docs/boards.md).", "A Huddle board file: its grid, its team, its huddle and its sections (see docs/boards.md).";
    FmtBoard: "Le tableau : son id, son titre, son niveau, sa langue et sa grille.", "The board: its id, title, level, language and grid.";
    FmtBoardId: "Le nom du tableau pour la ligne de commande, la synchro et les photos : minuscules sans accents, chiffres, - et _, 64 caractères au plus. Deux tableaux ne peuvent pas avoir le même.", "The board's name for the command line, sync and snapshots: lowercase letters without accents, digits, - and _, 64 characters at most. Two boards cannot share one.";
    FmtBoardTitle: "Affiché en haut de l'écran.", "Shown at the top of the screen.";
    FmtBoardTeam: "Qui se réunit à ce tableau.", "Who meets at this board.";
    FmtLevel: "team, manager, director, steering (un comité directeur inter-établissements) ou tout autre nom ; les quatre usuels sont traduits à l'écran.", "team, manager, director, steering (an inter-organisation steering committee) or any other name; the four usual ones are translated on screen.";
    FmtParent: "L'id du tableau un niveau plus haut : les photos et les escalades y montent. Il doit exister.", "The id of the board one level up: snapshots and escalations go there. It must exist.";
    FmtTrajectory: "Un nom commun aux tableaux des équipes qui servent les mêmes usagers l'une après l'autre.", "A name shared by the boards of teams that serve the same clients one after the other.";
    FmtLanguage: "fr ou en : la langue de l'écran, de ses dates et de ses nombres.", "fr or en: the language of the screen, its dates and its numbers.";
    FmtColumns: "Colonnes de la grille, 1 à 12.", "Columns of the grid, 1 to 12.";
    FmtRows: "Rangées de la grille, 1 à 12.", "Rows of the grid, 1 to 12.";
    FmtShortTitle: "Un titre plus court pour la barre du haut, quand le titre entier n'y tient pas à côté de l'horloge.", "A shorter title for the top bar, when the whole title does not fit beside the clock.";
    FmtBoardPortrait: "Une grille à vous pour les écrans en portrait et étroits, comme { columns = 2, rows = 7 } ; chaque section y donne alors sa place.", "A grid of your own for portrait and narrow screens, such as { columns = 2, rows = 7 }; every section then gives its place on it.";
    FmtTeam: "L'équipe qui se réunit à ce tableau.", "The team that meets at this board.";
    FmtMembers: "Les membres de l'équipe : noms ou initiales, chacun une fois ; pour les présences, les rôles et les responsables.", "The team's members: names or initials, each once; for attendance, roles and owners.";
    FmtHuddle: "Le caucus quotidien : heure, durée et ordre du jour. Avec cette table, le tableau a un bouton ▶ Caucus.", "The daily huddle: time, length and agenda. With this table, the board has a ▶ Huddle button.";
    FmtTime: "L'heure du caucus, entre guillemets : \"08:30\" (ou \"8h30\").", "The huddle's time of day, in quotes: \"08:30\" (or \"8h30\").";
    FmtMinutes: "La durée prévue, en minutes : 1 à 120.", "The planned length in minutes: 1 to 120.";
    FmtAgenda: "Les points dans l'ordre, chacun { section = \"…\", minutes = 3, title = \"…\" }. Sans ordre du jour, chaque section est un point.", "The items in order, each { section = \"…\", minutes = 3, title = \"…\" }. Without an agenda, every section is an item.";
    FmtAgendaSection: "L'id de la section dont on parle : une section de ce tableau.", "The id of the section discussed: a section of this board.";
    FmtAgendaMinutes: "Les minutes données au point : 1 à 60.", "The minutes given to the item: 1 to 60.";
    FmtAgendaTitle: "Le titre du point ; par défaut, celui de la section.", "The item's title; by default, the section's.";
    FmtSection: "Une section de la grille : des doubles crochets, une table [[section]] par section.", "A section of the grid: double brackets, one [[section]] table per section.";
    FmtSectionId: "Unique sur le tableau ; mêmes règles que l'id du tableau.", "Unique on the board; the same rules as the board's id.";
    FmtKind: "Ce que la section montre ; chaque genre a ses propres clés.", "What the section shows; each kind has keys of its own.";
    FmtSectionTitle: "Affiché sur la section.", "Shown on the section.";
    FmtColumn: "La colonne de la case en haut à gauche, à partir de 1.", "The column of the top-left cell, counted from 1.";
    FmtRow: "La rangée de la case en haut à gauche, à partir de 1.", "The row of the top-left cell, counted from 1.";
    FmtWidth: "Les colonnes couvertes (1 par défaut). Les sections restent dans la grille et ne se chevauchent pas.", "The columns covered (default 1). Sections stay inside the grid and do not overlap.";
    FmtHeight: "Les rangées couvertes (1 par défaut).", "The rows covered (default 1).";
    FmtSectionPortrait: "La place de la section sur la grille portrait du tableau, comme { column = 1, row = 2, width = 2, height = 1 }.", "The section's place on the board's portrait grid, such as { column = 1, row = 2, width = 2, height = 1 }.";
    FmtKindIndicator: "Un indicateur contre sa cible : dernière valeur, statut en couleur et en forme, tendance, graphique.", "One indicator against its target: latest value, status as colour and shape, trend, chart.";
    FmtKindActions: "Le plan d'action : quoi, qui, pour quand, statut ; les actions en retard ressortent.", "The action plan: what, who, by when, status; overdue actions stand out.";
    FmtKindIdeas: "Les idées d'amélioration, qui avancent de colonne en colonne.", "Improvement ideas moving through columns.";
    FmtKindEscalations: "Ce que l'équipe ne peut régler seule monte au tableau parent ; les réponses redescendent.", "Problems the team cannot solve alone go up to the parent board; the answers come back down.";
    FmtKindMood: "Le bien-être de l'équipe : chacun touche un visage pour la journée, anonymement.", "The team's well-being: each person taps a face for the day, anonymously.";
    FmtKindAttendance: "Qui est au caucus aujourd'hui (les membres de [team]).", "Who is at today's huddle (the [team] members).";
    FmtKindTrajectory: "Les fiches des usagers le long de la trajectoire de services : des codes, jamais des noms.", "Status sheets of the clients along the service trajectory: client codes, never names.";
    FmtKindNotes: "Les annonces et les reconnaissances, chacune affichée jusqu'à sa date.", "Announcements and recognition, each shown until its date.";
    FmtKindSafety: "La croix de sécurité : les jours du mois, colorés selon les événements de sécurité.", "The safety cross: this month's days, each coloured by the team's safety events.";
    FmtKindUnits: "Pour les niveaux supérieurs : les tableaux en dessous de celui-ci ; un toucher en ouvre un.", "For upper levels: the boards below this one; a tap opens one.";
    FmtUnit: "L'unité affichée après les valeurs : \"jours\", \"%\".", "The unit shown after values: \"jours\", \"%\".";
    FmtTarget: "La cible, un nombre sans guillemets ; obligatoire, sauf avec direction = \"neutral\".", "The target, a number without quotes; required unless direction = \"neutral\".";
    FmtDirection: "\"lower\" ou \"higher\" : le côté qui est mieux ; \"neutral\" pour un volume sans bon côté (pas de statut de cible).", "\"lower\" or \"higher\" is better; \"neutral\" for a volume with no good side (no target status).";
    FmtWarning: "Le seuil entre « à surveiller » et « hors cible » : au-dessus de la cible quand plus bas est mieux, en dessous quand plus haut est mieux.", "The threshold between \"to watch\" and \"off target\": above the target when lower is better, below it when higher is better.";
    FmtFrequency: "À quelle fréquence une valeur est saisie (quotidienne par défaut) : une valeur hebdomadaire compte pour le lundi, une mensuelle pour le 1er.", "How often a value is recorded (daily by default): a weekly value counts for its Monday, a monthly one for the 1st.";
    FmtCategory: "La famille de l'indicateur : accès, continuité, bien-être, sécurité, qualité.", "The indicator's family: access, continuity, well-being, safety, quality.";
    FmtChart: "\"run\" (par défaut) : médiane, déplacements et tendances ; \"xmr\" : moyenne et limites du processus, comme les dessine « Making Data Count ».", "\"run\" (the default): median, shifts and trends; \"xmr\": mean and process limits, as \"Making Data Count\" draws them.";
    FmtBaseline: "XmR : les limites de chaque phase viennent de ses N premières valeurs.", "XmR: each phase's limits come from its first N values.";
    FmtChanges: "XmR : les changements que l'équipe a testés, chacun commence une nouvelle phase : [{ date = \"2026-10-05\", label = \"…\" }], ou seulement des dates.", "XmR: the changes the team tested, each starting a new phase: [{ date = \"2026-10-05\", label = \"…\" }], or just dates.";
    FmtChangeDate: "Le jour où le changement a commencé, entre guillemets : \"2026-10-05\" ou \"05/10/2026\".", "The day the change began, in quotes: \"2026-10-05\" or \"05/10/2026\".";
    FmtChangeLabel: "Ce qui a changé.", "What was changed.";
    FmtStaleAfterDays: "Les jours sans mouvement après lesquels un élément est signalé (7 par défaut).", "The days without a move after which an entry is flagged (default 7).";
    FmtIdeaColumns: "Les colonnes dans l'ordre, au moins deux : chacune un nom ou { name = \"À l'essai\", limit = 3 }. Par défaut : Proposée, À l'essai, Adoptée.", "The columns in order, at least two: each a name or { name = \"À l'essai\", limit = 3 }. By default: Proposée, À l'essai, Adoptée.";
    FmtIdeaColumnName: "Le nom de la colonne, en tête.", "The column's name, shown as its header.";
    FmtIdeaColumnLimit: "Combien d'idées la colonne tient avant de passer au rouge.", "How many ideas the column holds before it turns red.";
    FmtAnswerWithinDays: "Les jours ouvrables dans lesquels une réponse est attendue (7 par défaut).", "The working days within which an answer is expected (default 7).";
    FmtStages: "Les étapes que traverse un usager, dans l'ordre (obligatoire).", "The stages a client goes through, in order (required).";
    FmtWaitWarningDays: "Les jours dans une étape après lesquels une attente ressort.", "The days in one stage after which a wait stands out.";
    FmtOtherTeams: "Montrer aussi, en lecture seule, les usagers des autres tableaux de la même trajectoire.", "Also show, read-only, the clients of the other boards on the same trajectory.";
    FmtPrivate: "Un écran de confidentialité : les fiches restent cachées jusqu'à un toucher, et se cachent une minute après.", "A privacy screen: the sheets stay hidden until a tap, and hide again a minute after the last touch.";
    FmtUnitsBoards: "Les ids des tableaux à montrer, dans l'ordre ; sans cette clé, chaque tableau dont le parent est celui-ci.", "The ids of the boards to show, in order; without it, every board whose parent is this one.";
    FmtKindKeys: "Pour les sections de genre {kind}.", "For sections of kind {kind}.";
    SchemaNotWritten: "huddle schema : impossible d'écrire {path} : {err}", "huddle schema: cannot write {path}: {err}";
    // layout/parse/grid.rs
    SameSectionId: "deux sections ont l'id `{id}` ; donnez à chaque section son propre id", "two sections have the id `{id}`; give each section its own id";
    SectionIdHasAPortraitPlace: "la section `{id}` a une place portrait mais le tableau n'a pas de grille portrait ; ajoutez portrait = { columns = 2, rows = 6 } dans [board]", "section `{id}` has a portrait place but the board has no portrait grid; add portrait = { columns = 2, rows = 6 } to [board]";
    SectionIdHasNoPlaceOn: "la section `{id}` n'a pas de place sur la grille portrait du tableau ; ajoutez une ligne comme portrait = { column = 1, row = 1, width = 1 }", "section `{id}` has no place on the board's portrait grid; add a line such as portrait = { column = 1, row = 1, width = 1 }";
    TheTitleHasCharsCharactersA: "le titre a {chars} caractères ; un écran de 1280 pixels en montre {TITLE_FITS} dans la barre du haut, il sera donc coupé par « … » : ajoutez short_title = \"…\" d'au plus {TITLE_FITS}", "the title has {chars} characters; a 1280-pixel screen shows {TITLE_FITS} on the top bar, so it will be cut with \"…\": add short_title = \"…\" with at most {TITLE_FITS}";
    ShortTitleHasCharsCharactersKeep: "`short_title` a {chars} caractères ; gardez-le sous {TITLE_FITS} pour qu'il se lise en entier sur un écran de 1280 pixels", "`short_title` has {chars} characters; keep it to {TITLE_FITS} so that it shows whole on a 1280-pixel screen";
    SectionIdPlaceReachesColumnLast: "la section `{id}`{place} va jusqu'à la colonne {last_col}, mais {found} a {columns} colonnes ; rétrécissez-la ou augmentez `columns` dans {table}", "section `{id}`{place} reaches column {last_col} but {found} has {columns} columns; make it narrower or raise `columns` in {table}";
    SectionIdPlaceReachesRowLast: "la section `{id}`{place} va jusqu'à la rangée {last_row}, mais {found} a {rows} rangées ; raccourcissez-la ou augmentez `rows` dans {table}", "section `{id}`{place} reaches row {last_row} but {found} has {rows} rows; make it shorter or raise `rows` in {table}";
    SectionsOtherIdAndIdOverlap: "les sections `{other_id}` et `{id}` se chevauchent{place} à la colonne {col}, rangée {row} ; déplacez l'une d'elles", "sections `{other_id}` and `{id}` overlap{place} at column {col}, row {row}; move one of them";
    // layout/parse/mod.rs
    DatesAndTimesGoInQuotes: "les dates et les heures s'écrivent entre guillemets, par exemple time = \"08:30\"", "dates and times go in quotes here, for example time = \"08:30\"";
    ThisTextHasNoClosingQuote: "ce texte n'a pas de guillemet fermant ; terminez-le par \"", "this text has no closing quote; end it with \"";
    KeyIsWrittenTwiceInThe: "`{key}` est écrit deux fois dans la même table ; n'en gardez qu'un", "`{key}` is written twice in the same table; keep only one";
    NameIsWrittenTwiceToHave: "[{name}] est écrit deux fois ; pour en avoir plusieurs, écrivez [[{name}]] avec des doubles crochets", "[{name}] is written twice; to have several, write [[{name}]] with double brackets";
    ThisTableWasAlreadyWrittenWith: "cette table a déjà été écrite avec des crochets simples ; utilisez partout des [[doubles crochets]] pour une liste de tables", "this table was already written with single brackets; use [[double brackets]] everywhere for a list of tables";
    ThisNumberCannotBeReadWrite: "ce nombre est illisible ; écrivez des chiffres avec un point décimal, comme 12 ou 92.5", "this number cannot be read; write digits with a decimal point, such as 12 or 92.5";
    UnexpectedCharacter: "caractère inattendu `{c}` ; le texte s'écrit entre guillemets, comme title = \"Accueil\"", "unexpected character `{c}`; text values go in quotes, like title = \"Accueil\"";
    AValueIsMissingOrIs: "une valeur manque ou n'est pas entre guillemets ; le texte s'écrit entre guillemets, comme title = \"Accueil\"", "a value is missing or is not in quotes; text goes in quotes, like title = \"Accueil\"";
    ExpectedFound: "attendu : {expected} ; trouvé : {found}", "expected {expected}, found {found}";
    TheFileEndsInTheMiddle: "le fichier se termine au milieu d'une valeur ; fermez les guillemets ou les crochets", "the file ends in the middle of a value; close the quotes or brackets";
    EscapeNotAllowed: "`\\{c}` n'est pas permis dans un texte ; écrivez \\\\ pour une barre oblique inverse, ou utilisez des 'apostrophes'", "`\\{c}` is not allowed in text; write \\\\ for a backslash, or use 'single quotes'";
    TomlUnreadable: "le TOML est illisible ici ({other})", "the TOML cannot be read here ({other})";
    TheFileHasNoBoardTable: "le fichier n'a pas de table [board] ; commencez-le par [board] et un id, par exemple\n  [board]\n  id = \"mon-equipe\"", "the file has no [board] table; start it with [board] and an id, such as\n  [board]\n  id = \"my-team\"";
    KeyDoesNotGoInBoard: "`{key}` ne va pas dans [board] : déplacez-le sous {table}", "`{key}` does not go in [board]: move it under {table}";
    AMemberSNameIsEmpty: "le nom d'un membre est vide ; écrivez un nom ou des initiales, ou retirez l'élément", "a member's name is empty; write a name or initials, or remove the item";
    NameIsListedTwiceInMembers: "\"{name}\" figure deux fois dans `members` ; ajoutez une initiale pour les distinguer", "\"{name}\" is listed twice in `members`; add an initial to tell them apart";
    SectionsAreAListWriteSection: "les sections forment une liste : écrivez [[section]] avec des doubles crochets avant chacune", "sections are a list: write [[section]] with double brackets before each one";
    WriteEachSectionAsASection: "écrivez chaque section comme une table [[section]]", "write each section as a [[section]] table";
    UnknownTableOrKeyKeyA: "table ou clé inconnue `{key}` ; un fichier de tableau n'a que les tables [board], [team], [huddle] et [[section]]", "unknown table or key `{key}`; a board file has only [board], [team], [huddle] and [[section]] tables";
    UnknownTableKeyDidYouMean: "table inconnue [{key}] ; vouliez-vous dire {table} ?", "unknown table [{key}], did you mean {table}?";
    TheBoardHasNoSectionYet: "le tableau n'a encore aucune section ; ajoutez-en une avec [[section]]", "the board has no section yet; add one with [[section]]";
    CharacterNotAllowed: "le caractère {c} n'est pas permis dans un texte", "the character {c} is not allowed in text";
    AgendaNotATime: "l'heure \"{value}\" n'existe pas ; écrivez les heures et les minutes, comme time = \"08:30\"", "time \"{value}\" is not a time of day; write hours and minutes, such as time = \"08:30\"";
    TheAgendaAddsUpToTotal: "l'ordre du jour totalise {total} minutes, mais le caucus dure {value} ; raccourcissez un point ou augmentez `minutes`", "the agenda adds up to {total} minutes but the huddle lasts {value}; shorten an item or raise `minutes`";
    UnknownLevel: "le niveau \"{value}\" n'est pas {choices} : vouliez-vous dire \"{close}\" ? (tout autre nom est gardé tel quel)", "level \"{value}\" is not one of {choices}: did you mean \"{close}\"? (any other name is kept as written)";
    IdTooLong: "cet id d'un{what} a {count} caractères ; un id en a au plus {ID_MAX} (il nomme des fichiers) : écrivez-en un plus court, par exemple id = \"{short}\"", "this {what} id has {count} characters; an id has at most {ID_MAX} (it names files): write a shorter one, for example id = \"{short}\"";
    IdCharacters: "l'id d'un{what} ne peut contenir que des minuscules sans accents, des chiffres, - et _ ; écrivez par exemple id = {hint}", "a {what} id may use only lowercase letters without accents, digits, - and _; write for example id = {hint}";
    AgendaItemPointsAtSectionValue: "un point de l'ordre du jour renvoie à la section `{value}`, qui n'existe pas{hint}", "agenda item points at section `{value}` which does not exist{hint}";
    // layout/parse/section.rs
    ChangeShape: "chaque changement s'écrit { date = \"2026-10-05\", label = \"Nouveau triage\" }, ou seulement sa date entre guillemets", "each change is written { date = \"2026-10-05\", label = \"New triage\" }, or just its date in quotes";
    ChangeDate: "« {value} » n'est pas une date : écrivez-la comme \"2026-10-05\" ou \"05/10/2026\"", "\"{value}\" is not a date: write it like \"2026-10-05\" or \"05/10/2026\"";
    TheTitleIsEmptyWriteWhat: "le titre est vide ; écrivez ce que l'équipe doit lire sur la section", "the title is empty; write what the team should read on the section";
    AStageHasNoNameWrite: "une étape n'a pas de nom ; écrivez-en un ou retirez l'élément", "a stage has no name; write one or remove the item";
    StageNameIsListedTwice: "l'étape \"{name}\" figure deux fois", "stage \"{name}\" is listed twice";
    EachColumnIsANameIn: "chaque colonne est un nom entre guillemets, ou { name = \"À l'essai\", limit = 3 }", "each column is a name in quotes, or { name = \"À l'essai\", limit = 3 }";
    AColumnHasNoName: "une colonne n'a pas de nom", "a column has no name";
    ColumnNameIsListedTwice: "la colonne \"{name}\" figure deux fois", "column \"{name}\" is listed twice";
    NoStages: "{context} n'a pas de `stages` ; énumérez les étapes que traverse un usager, comme stages = [\"Réception\", \"Évaluation\", \"Suivi\"]", "{context} has no `stages`; list the stages a client goes through, such as stages = [\"Réception\", \"Évaluation\", \"Suivi\"]";
    NeedsAStage: "{context} a besoin d'au moins une étape dans `stages`", "{context} needs at least one stage in `stages`";
    WarningOnTheWrongSide: "`warning` ({warning}) doit être {side} `target` ({target}) puisque plus {better} est mieux : les valeurs entre la cible et l'alerte sont « à surveiller »", "`warning` ({warning}) should be {side} `target` ({target}) because {better} is better: values between the target and the warning are \"to watch\"";
    NeedsTwoColumns: "{context} a besoin d'au moins deux `columns` entre lesquelles les idées avancent", "{context} needs at least two `columns` for ideas to move between";
    // layout/read.rs
    WholeNumberOutOfRange: "`{key}` vaut {found} ; écrivez un nombre entier de {min} à {max}", "`{key}` is {found}; write a whole number from {min} to {max}";
    WholeNumberHasDecimals: "`{key}` vaut {found} ; écrivez un nombre entier de {min} à {max}, sans décimales", "`{key}` is {found}; write a whole number from {min} to {max}, without decimals";
    NumberInQuotes: "`{key}` doit être un nombre sans guillemets : {key} = {value}", "`{key}` should be a number without quotes: {key} = {value}";
    ContextShouldBeATableFound: "{context} devrait être une table, et non {found}", "{context} should be a table, found {found}";
    MissingKey: "{context} n'a pas de `{key}` ; ajoutez une ligne comme {key} = {example}", "{context} has no `{key}`; add a line such as {key} = {example}";
    KeyShouldBeTextInQuotes: "`{key}` doit être du texte entre guillemets, et non {found}{hint}", "`{key}` should be text in quotes, found {found}{hint}";
    KeyShouldBeTrueOrFalse: "`{key}` doit valoir true ou false, sans guillemets, et non {found} : {hint}", "`{key}` should be true or false, without quotes, found {found}: {hint}";
    KeyShouldBeAWholeNumber: "`{key}` doit être un nombre entier de {min} à {max}, et non {found}", "`{key}` should be a whole number from {min} to {max}, found {found}";
    KeyShouldBeANumberFound: "`{key}` doit être un nombre, et non {found}", "`{key}` should be a number, found {found}";
    NotOneOfTheChoices: "`{key}` ne peut pas valoir \"{value}\" ; écrivez {choices}{hint}", "`{key}` cannot be \"{value}\"; write one of {choices}{hint}";
    EachItemOfKeyShouldBe: "chaque élément de `{key}` doit être du texte entre guillemets, et non {found}", "each item of `{key}` should be text in quotes, found {found}";
    KeyShouldBeAListIn: "`{key}` doit être une liste entre crochets, et non {found}", "`{key}` should be a list in square brackets, found {found}";
    UnknownKey: "clé inconnue `{name}` dans {context}{hint}", "unknown key `{name}` in {context}{hint}";
    // layout/set.rs
    BoardIdTaken: "l'id de tableau `{id}` est déjà pris par {first} ; donnez à chaque tableau son propre id", "board id `{id}` is already used by {first}; give each board its own id";
    OwnParent: "un tableau ne peut pas être son propre parent ; nommez le tableau où montent ses photos", "a board cannot be its own parent; name the board its snapshots go up to";
    ParentsGoRoundInACircle: "les parents tournent en rond ({cycle}) ; le tableau du sommet ne doit pas avoir de parent", "parents go round in a circle ({cycle}); the top board must have no parent";
    ParentNotABoard: "le parent `{value}` n'est pas un tableau connu{hint}", "a board's parent `{value}` is not a known board{hint}";
    UnitNotABoard: "l'unité `{value}` n'est pas un tableau connu{hint}", "unit `{value}` is not a known board{hint}";
    NotANumberInFile: "`{key}` doit être un nombre sans guillemets, comme {key} = 12 ou {key} = 92.5", "`{key}` should be a number without quotes, such as {key} = 12 or {key} = 92.5";
    PercentInNumber: "`{key}` s'écrit sans % ni guillemets : écrivez {key} = {value}, et mettez le % dans l'unité : unit = \"%\"", "write `{key} = {value}` without % or quotes, and put the % in the unit: unit = \"%\"";
    DecimalComma: "les fichiers de tableau prennent un point décimal : écrivez {number}", "board files use a decimal point: write {number}";
    DidYouMean: " ; vouliez-vous dire `{c}` ?", ", did you mean `{c}`?";
    KeyOfAnotherKind: "{context} ne peut pas avoir `{key}` : cette clé va aux sections de genre {owners} (celle-ci est \"{kind}\")", "{context} cannot have `{key}`: it belongs to sections of kind {owners} (this one is \"{kind}\")";
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
                    debug_assert!(
                        !after.split_once('}').is_some_and(|(name, _)| is_name(name)),
                        "{self:?}: no value for an argument of {:?}",
                        self.words(lang)
                    );
                    out.push('{');
                    rest = after;
                }
            }
        }
        out.push_str(rest);
        out
    }
}

/// Whether `text` is an argument's name: letters, digits and `_`, not starting with a digit.
fn is_name(text: &str) -> bool {
    text.chars()
        .next()
        .is_some_and(|c| c.is_alphabetic() || c == '_')
        && text.chars().all(|c| c.is_alphanumeric() || c == '_')
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
            .filter(|name| is_name(name))
            .collect();
        names.sort_unstable();
        names.dedup();
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
