import type { ArticleLanguage } from '../domain/articles';
import { roleKeyOf, type RoleKey } from '../language/roles';
import type { RoleClass } from './discourse';

// Nouns that refer back to a person already named ("der Angreifer", "the forward") but are not
// job titles the role rules treat as claims. With a definite article they resolve to the most
// recent fitting person; the class keeps "die Spielerin" off the sporting director named last.
// Maps, not objects: running text contains words such as "constructor".
const DE_NOUNS = new Map<string, RoleClass>();
const EN_NOUNS = new Map<string, RoleClass>();
const add = (table: Map<string, RoleClass>, cls: RoleClass, words: string) => {
  for (const w of words.trim().split(/\s+/)) table.set(w, cls);
};
add(
  DE_NOUNS,
  'player',
  `Spieler Spielerin Profi Profis Angreifer Angreiferin Torjäger Torjägerin Neuzugang Routinier
  Youngster Talent Nationalspieler Nationalspielerin Leihspieler Flügelspieler Offensivspieler Rückkehrer
  Sturmtank Linksfuß Rechtsfuß Keeper Schlussmann Torschütze Torschützin Matchwinner Matchwinnerin
  Mitspieler Mitspielerin Teamkollege Teamkollegin Mannschaftskollege Mannschaftskollegin
  Joker Reservist Reservistin Debütant Debütantin Eigengewächs Legende Routinière`,
);
add(DE_NOUNS, 'coach', 'Coach Übungsleiter Übungsleiterin Fußballlehrer Fußballlehrerin');
add(DE_NOUNS, 'official', 'Funktionär Funktionärin Klubchef Klubchefin Vereinschef Vereinschefin Boss');
add(
  DE_NOUNS,
  'other',
  `Filmemacher Filmemacherin Autor Autorin Unternehmer Unternehmerin Investor Investorin
  Moderatorin Journalist Journalistin Bürgermeister Bürgermeisterin Politiker Politikerin`,
);
add(
  EN_NOUNS,
  'player',
  `player forward striker winger midfielder defender keeper goalkeeper youngster teenager
  veteran frontman playmaker full-back centre-back fly-half scrum-half prop flanker substitute debutant
  academy graduate teammate team-mate international`,
);
add(EN_NOUNS, 'coach', 'coach manager boss gaffer head');
add(EN_NOUNS, 'official', 'chairman chairwoman executive owner president director');
add(EN_NOUNS, 'other', 'filmmaker director author businessman businesswoman investor presenter');

const CLASS_OF_KEY: Record<RoleKey, RoleClass> = {
  captain: 'player',
  vice_captain: 'player',
  player: 'player',
  goalkeeper: 'player',
  defender: 'player',
  midfielder: 'player',
  forward: 'player',
  head_coach: 'coach',
  assistant_coach: 'coach',
  specialist_coach: 'coach',
  sporting_director: 'official',
  managing_director: 'official',
  chief_executive: 'official',
  president: 'official',
  vice_president: 'official',
  chair: 'official',
  owner: 'official',
  spokesperson: 'official',
  agent: 'other',
};

// German builds these nouns into compounds ("Tennisprofi", "Ex-Nationalspielerin",
// "Ausnahmetalent"); the compound takes the class of its last part.
const DE_SUFFIX = new RegExp(
  `(?:${[...DE_NOUNS.keys()]
    .map((w) => w.toLowerCase())
    .sort((a, b) => b.length - a.length)
    .join('|')})$`,
);
const DE_BY_LOWER = new Map([...DE_NOUNS].map(([w, cls]) => [w.toLowerCase(), cls]));
const compoundMemo = new Map<string, RoleClass | null>();

// Capital A–Z and the German umlauts; other capitals (É, Ł) start names rather than nouns anyway.
const isUpper = (c: number) => (c >= 65 && c <= 90) || c === 196 || c === 214 || c === 220;

function germanCompoundClass(word: string): RoleClass | undefined {
  let cls = compoundMemo.get(word);
  if (cls === undefined) {
    cls = null;
    const m = DE_SUFFIX.exec(word.toLowerCase());
    if (m && m.index > 0) cls = DE_BY_LOWER.get(m[0]) ?? null;
    if (compoundMemo.size > 5000) compoundMemo.clear();
    compoundMemo.set(word, cls);
  }
  return cls ?? undefined;
}

/** A noun that refers back to a person ("der Angreifer", "the forward"), with its class. */
export function referringNounClass(word: string, lang: ArticleLanguage): RoleClass | undefined {
  if (lang === 'en') return EN_NOUNS.get(word.toLowerCase());
  return (
    DE_NOUNS.get(word) ??
    (word.length > 5 && isUpper(word.charCodeAt(0)) ? germanCompoundClass(word) : undefined)
  );
}

// Nationalities name a person as often as jobs do in sports copy ("der Norweger Eirik Solheim",
// "sagte der Däne", "the Dutchman"). They tell nothing about the job, so they carry no class.
// German: masculine and feminine singular; "Deutsche" is left out (also an adjective in names
// such as "Deutsche Fußball Liga"), English "Finn" too (a given name).
const DE_NATIONALITIES = new Set(
  `Norweger Norwegerin Schwede Schwedin Däne Dänin Finne Finnin Isländer Isländerin Niederländer
  Niederländerin Holländer Holländerin Belgier Belgierin Luxemburger Luxemburgerin Franzose
  Französin Spanier Spanierin Portugiese Portugiesin Italiener Italienerin Engländer Engländerin
  Schotte Schottin Ire Irin Waliser Waliserin Brite Britin Amerikaner Amerikanerin US-Amerikaner
  US-Amerikanerin Kanadier Kanadierin Brasilianer Brasilianerin Argentinier Argentinierin
  Kolumbianer Kolumbianerin Mexikaner Mexikanerin Uruguayer Uruguayerin Chilene Chilenin
  Pole Polin Tscheche Tschechin Slowake Slowakin Ungar Ungarin Österreicher Österreicherin
  Schweizer Schweizerin Kroate Kroatin Serbe Serbin Bosnier Bosnierin Slowene Slowenin Rumäne
  Rumänin Bulgare Bulgarin Grieche Griechin Türke Türkin Ukrainer Ukrainerin Russe Russin
  Georgier Georgierin Albaner Albanerin Kosovare Kosovarin Litauer Litauerin Lette Lettin Este
  Estin Japaner Japanerin Koreaner Koreanerin Südkoreaner Südkoreanerin Chinese Chinesin
  Australier Australierin Neuseeländer Neuseeländerin Ghanaer Ghanaerin Nigerianer Nigerianerin
  Senegalese Senegalesin Ivorer Ivorerin Kameruner Kamerunerin Marokkaner Marokkanerin Algerier
  Algerierin Tunesier Tunesierin Ägypter Ägypterin Malier Malierin Guineer Guineerin Kongolese
  Kongolesin Jamaikaner Jamaikanerin Isländer Färinger Färingerin Zyprer Zyprerin Israeli
  Iraner Iranerin Iraker Irakerin Syrer Syrerin`.split(/\s+/),
);
const EN_NATIONALITIES = new Set(
  `Norwegian Swede Dane Icelander Dutchman Dutchwoman Belgian Frenchman Frenchwoman Spaniard
  Portuguese Italian German Englishman Englishwoman Scot Scotsman Scotswoman Irishman Irishwoman
  Welshman Welshwoman Briton American Canadian Brazilian Argentine Argentinian Colombian Mexican
  Uruguayan Chilean Pole Czech Slovak Hungarian Austrian Swiss Croat Croatian Serb Serbian
  Bosnian Slovenian Romanian Bulgarian Greek Turk Ukrainian Russian Georgian Albanian Kosovan
  Lithuanian Latvian Estonian Japanese Korean Chinese Australian Aussie Kiwi Ghanaian Nigerian
  Senegalese Ivorian Cameroonian Moroccan Algerian Tunisian Egyptian Malian Guinean Congolese
  Jamaican Israeli Iranian Iraqi Syrian Cypriot`.split(/\s+/),
);

/** "der Norweger", "die Schwedin", "the Dane": a nationality used for a person. */
export function isNationalityNoun(word: string, lang: ArticleLanguage): boolean {
  return (lang === 'de' ? DE_NATIONALITIES : EN_NATIONALITIES).has(word);
}

// The role vocabulary folds and scans its phrase; role words repeat, so answers are kept.
const classMemo = { de: new Map<string, RoleClass | null>(), en: new Map<string, RoleClass | null>() };

/** The class of a role word or phrase ("Torhüterin" → player, "Sportchefin" → official). */
export function roleClassOf(words: string, lang: ArticleLanguage): RoleClass | undefined {
  const memo = classMemo[lang];
  let cls = memo.get(words);
  if (cls === undefined) {
    const key = roleKeyOf(words);
    cls =
      (key ? CLASS_OF_KEY[key] : referringNounClass(words.slice(words.lastIndexOf(' ') + 1), lang)) ?? null;
    if (memo.size > 5000) memo.clear();
    memo.set(words, cls);
  }
  return cls ?? undefined;
}

// Speakers that are a group or an unnamed source rather than a job ("aus dem Umfeld des
// Spielers", "a source close to the club"): with an indefinite article or a possessive they
// make a speaker of kind role.
// Fans and bystanders speak in reports without a name ("sagte ein Fan", "said one supporter").
const DE_UNNAMED = new Set(
  `Umfeld Umfeldes Insider Vertrauter Vertraute Quelle Kreisen Vereinskreisen Klubkreisen Teamkreisen Mannschaftskreisen
  Fan Anhänger Anhängerin Zuschauer Zuschauerin Besucher Besucherin Anwohner Anwohnerin Augenzeuge Augenzeugin
  Dauerkarteninhaber Dauerkarteninhaberin Mitglied Vereinsmitglied Beobachter Beobachterin Kenner Kennerin`.split(
    /\s+/,
  ),
);
const EN_UNNAMED = new Set(
  `source sources insider insiders official officials confidant friend person fan supporter supporters
  spectator onlooker resident witness season-ticket holder member observer`.split(/\s+/),
);

export function isUnnamedSourceNoun(word: string, lang: ArticleLanguage): boolean {
  return lang === 'de' ? DE_UNNAMED.has(word) || /kreisen$/.test(word) : EN_UNNAMED.has(word.toLowerCase());
}
