import type { ArticleLanguage } from '../domain/articles';
import { FRAMING_VERBS, SPEECH_VERBS } from '../language/speech-verbs';

/**
 * Word lists the rules consult. Kept as data so that adding a verb or a role is a one-line
 * change and so both languages run through the same rule code.
 */
export interface Lexicon {
  /** Verbs that attribute direct speech ("sagte", "said"); lowercase, all common forms. */
  speechVerbs: ReadonlySet<string>;
  /** Verbs that attach a partial quote to the sentence subject ("nannte", "called"). */
  framingVerbs: ReadonlySet<string>;
  /** Singular third-person forms, used to tell German "sie" (she) from "sie" (they). */
  pluralSpeechVerbs: ReadonlySet<string>;
  pronouns: Readonly<Record<string, 'm' | 'f'>>;
  articles: ReadonlySet<string>;
  /** Capitalised words that start sentences and are never names ("Dazu", "However"). */
  nonNames: ReadonlySet<string>;
  /** Nouns naming a work or outlet: a quote right after one is a title, not speech. */
  titleCues: ReadonlySet<string>;
  /** Words that mark the next quote as a label ("sogenannte", "so-called"). */
  labelCues: ReadonlySet<string>;
  /** Words that end a speaker phrase ("nach", "am", "after"). */
  phraseStops: ReadonlySet<string>;
}

const set = (words: string): ReadonlySet<string> => new Set(words.trim().split(/\s+/));

const DE: Lexicon = {
  speechVerbs: new Set(SPEECH_VERBS.de),
  framingVerbs: new Set(FRAMING_VERBS.de),
  pluralSpeechVerbs: set('sagten sagen meinten betonen erklären erklärten sprachen schrieben'),
  pronouns: { er: 'm', sie: 'f' },
  articles: set('der die das den dem des ein eine einen einem eines einer'),
  nonNames: set(`
    Der Die Das Den Dem Des Ein Eine Einen Einem Eines Einer Und Aber Doch Auch Dazu Dann Danach
    Später Zudem Außerdem Trotzdem Dennoch Bereits Schon Noch Nun Jetzt Heute Gestern Morgen
    Wir Ich Sie Er Es Ihr Man Wer Was Wie Wo Warum Wann Mit Nach Vor Bei Für Gegen Ohne Über
    Unter Zum Zur Im In Am An Auf Aus Von Vom Seit Bis Ab Laut Dabei Damit Darauf Daher Deshalb
    Hier Dort Sein Seine Ihre Unser Unsere Mein Meine Dies Diese Dieser Dieses Jeder Jede Alle
    Viele Einige Beide Als Wenn Weil Dass Ob Denn Oder So Nur Erst Kein Keine Immerhin Offenbar
    Angeblich Vielleicht Natürlich Klar Gut Dafür Dagegen Zuletzt Zunächst Anschließend Allerdings
    Inzwischen Mittlerweile Insgesamt Ende Anfang Mitte Januar Februar März April Mai Juni Juli
    August September Oktober November Dezember Montag Dienstag Mittwoch Donnerstag Freitag Samstag
    Sonntag Sonnabend Saison Euro Millionen Millionen Prozent Punkte Tore
  `),
  titleCues: set(`
    Doku Dokumentation Dokuserie Doku-Serie Serie Film Kinofilm Buch Biografie Autobiografie
    Zeitung Magazin Podcast Show Sendung Format Reihe Folge Episode Titel Kolumne Album Song
    Lied Blog Kanal Stream Talkshow Sportmagazin Fachmagazin Zeitschrift Tageszeitung Motto
    Kampagne Slogan Hashtag Aktion Projekt Staffel Trailer Spiel Videospiel Hymne Vereinshymne
    Newsletter Ausgabe Rubrik Dokumentarfilm Miniserie Sportdoku Streamingserie Portal Sportportal
    Namen Spitznamen Künstlernamen Nickname Account Kanalnamen Pseudonym
  `),
  labelCues: set('sogenannte sogenannten sogenannter sogenanntes genannte genannten namens Titel betitelt'),
  phraseStops: set(`
    am im in an auf nach vor bei beim mit gegenüber während über unter von vom zum zur
    für gegen seit bis ab dem den und als nachdem wenige kurz noch bereits schon dazu später
    zuletzt damals heute gestern erst auch lachend sichtlich trocken
  `),
};

const EN: Lexicon = {
  speechVerbs: new Set(SPEECH_VERBS.en),
  framingVerbs: new Set(FRAMING_VERBS.en),
  pluralSpeechVerbs: set(''),
  pronouns: { he: 'm', she: 'f' },
  articles: set('the a an'),
  nonNames: set(`
    The A An And But Yet So Then Later Now Today Yesterday Tomorrow However Still Also Meanwhile
    We I You He She It They Who What When Where Why How With After Before For Against Without
    Under From Since Until In On At To By Of According His Her Their Our My This That These
    Those Each Every All Many Some Both As If Because Though Although Or Only Just No Not
    Reportedly Allegedly Indeed Asked Speaking Instead Overall Last Next First Former Ex Veteran
    Interim Outgoing Incoming Fellow Club
    January February March April May June July August September October November December
    Monday Tuesday Wednesday Thursday Friday Saturday Sunday Season Euro Euros Million
  `),
  titleCues: set(`
    documentary docuseries docu-series series film movie book biography autobiography newspaper
    paper magazine podcast show programme program column album song blog channel stream
    season episode title slogan hashtag campaign project trailer game anthem newsletter edition
    feature miniseries name nickname handle username alias account
  `),
  labelCues: set('so-called dubbed titled entitled named called'),
  phraseStops: set(`
    at in on after before to of from during about with for against since until and as when
    while later earlier afterwards then on yesterday today last this who
  `),
};

export function lexiconFor(lang: ArticleLanguage): Lexicon {
  return lang === 'de' ? DE : EN;
}
