import type { ArticleStatus, ClaimKind, ClaimStatus } from '../domain/articles';
import type {
  AmountPrecision,
  DealKind,
  EntityKind,
  DealStatus,
  QuoteOccasion,
  QuoteStatus,
  SourceKind,
} from '../domain/facts';
import type { UiLanguage } from './context';

interface Labels {
  claimStatus: Record<ClaimStatus, string>;
  articleStatus: Record<ArticleStatus, string>;
  claimKind: Record<ClaimKind, string>;
  entityKind: Record<EntityKind, string>;
  dealKind: Record<DealKind, string>;
  dealStatus: Record<DealStatus, string>;
  quoteStatus: Record<QuoteStatus, string>;
  occasion: Record<QuoteOccasion, string>;
  sourceKind: Record<SourceKind, string>;
  precision: Record<Exclude<AmountPrecision, 'exact' | 'range' | 'undisclosed'>, string>;
  undisclosed: string;
  unknownParty: string;
  deletedFact: string;
  text: Record<
    | 'claims'
    | 'claim'
    | 'status'
    | 'kind'
    | 'facts'
    | 'sources'
    | 'markedBy'
    | 'checkedBy'
    | 'notChecked'
    | 'note'
    | 'warnings'
    | 'dismissed'
    | 'notInText'
    | 'noFacts'
    | 'noSources'
    | 'locator'
    | 'accessed'
    | 'report'
    | 'gateOverride'
    | 'overrideBy'
    | 'summary'
    | 'generated'
    | 'history'
    | 'none'
    | 'article'
    | 'statusOfArticle'
    | 'to'
    | 'since'
    | 'until'
    | 'unknownClaim'
    | 'annotated',
    string
  >;
}

const de: Labels = {
  articleStatus: {
    draft: 'Entwurf',
    in_fact_check: 'im Faktencheck',
    ready: 'bereit',
    published: 'veröffentlicht',
    archived: 'archiviert',
  },
  claimStatus: {
    unchecked: 'ungeprüft',
    verified: 'bestätigt',
    disputed: 'umstritten',
    false: 'falsch',
    unsourced: 'unbelegt',
  },
  claimKind: { amount: 'Betrag', quote: 'Zitat', date: 'Datum', role: 'Funktion', other: 'Sonstiges' },
  entityKind: {
    person: 'Person',
    club: 'Verein',
    company: 'Unternehmen',
    broadcaster: 'Sender',
    media: 'Medium',
    competition: 'Wettbewerb',
  },
  dealKind: {
    transfer: 'Transfer',
    broadcast_rights: 'Übertragungsrechte',
    sponsorship: 'Sponsoring',
    documentary_access: 'Dokumentarfilm-Zugang',
    salary: 'Gehalt',
    release_clause: 'Ausstiegsklausel',
    other: 'Sonstiges',
  },
  dealStatus: {
    confirmed: 'bestätigt',
    reported: 'berichtet',
    rumoured: 'Gerücht',
    denied: 'dementiert',
    withdrawn: 'zurückgezogen',
  },
  quoteStatus: {
    verified: 'verifiziert',
    unverified: 'nicht verifiziert',
    disputed: 'umstritten',
    retracted: 'zurückgezogen',
  },
  occasion: {
    press_release: 'Pressemitteilung',
    interview: 'Interview',
    press_conference: 'Pressekonferenz',
    social_post: 'Social-Media-Beitrag',
    broadcast: 'Sendung',
    other: 'sonstiger Anlass',
  },
  sourceKind: {
    web_page: 'Webseite',
    document: 'Dokument',
    press_release: 'Pressemitteilung',
    interview_recording: 'Interviewaufnahme',
    broadcast: 'Sendung',
    social_post: 'Social-Media-Beitrag',
    personal_communication: 'persönliche Mitteilung',
  },
  precision: { approximately: 'etwa', at_least: 'mindestens', at_most: 'höchstens' },
  undisclosed: 'Betrag nicht genannt',
  unknownParty: 'unbekannt',
  deletedFact: 'Fakt nicht mehr vorhanden',
  text: {
    claims: 'Behauptungen',
    claim: 'Behauptung',
    status: 'Status',
    kind: 'Art',
    facts: 'Verknüpfte Fakten',
    sources: 'Quellen',
    markedBy: 'Markiert von',
    checkedBy: 'Geprüft von',
    notChecked: 'noch nicht geprüft',
    note: 'Notiz',
    warnings: 'Warnungen',
    dismissed: 'verworfen',
    notInText: 'Nicht mehr im Text',
    noFacts: 'keine verknüpften Fakten',
    noSources: 'keine Quellen',
    locator: 'Fundstelle',
    accessed: 'abgerufen',
    report: 'Faktencheck-Bericht',
    gateOverride: 'Freigabe trotz offener Punkte',
    overrideBy: 'freigegeben von',
    summary: 'Übersicht',
    generated: 'Erstellt',
    history: 'Verlauf',
    none: 'keine',
    article: 'Artikel',
    statusOfArticle: 'Artikelstatus',
    to: 'an',
    since: 'seit',
    until: 'bis',
    unknownClaim: 'unbekannte Behauptung',
    annotated: 'Annotierte Fassung für die Dokumentation',
  },
};

const en: Labels = {
  articleStatus: {
    draft: 'draft',
    in_fact_check: 'in fact check',
    ready: 'ready',
    published: 'published',
    archived: 'archived',
  },
  claimStatus: {
    unchecked: 'unchecked',
    verified: 'verified',
    disputed: 'disputed',
    false: 'false',
    unsourced: 'unsourced',
  },
  claimKind: { amount: 'amount', quote: 'quote', date: 'date', role: 'role', other: 'other' },
  entityKind: {
    person: 'person',
    club: 'club',
    company: 'company',
    broadcaster: 'broadcaster',
    media: 'media outlet',
    competition: 'competition',
  },
  dealKind: {
    transfer: 'transfer',
    broadcast_rights: 'broadcast rights',
    sponsorship: 'sponsorship',
    documentary_access: 'documentary access',
    salary: 'salary',
    release_clause: 'release clause',
    other: 'other',
  },
  dealStatus: {
    confirmed: 'confirmed',
    reported: 'reported',
    rumoured: 'rumoured',
    denied: 'denied',
    withdrawn: 'withdrawn',
  },
  quoteStatus: {
    verified: 'verified',
    unverified: 'unverified',
    disputed: 'disputed',
    retracted: 'retracted',
  },
  occasion: {
    press_release: 'press release',
    interview: 'interview',
    press_conference: 'press conference',
    social_post: 'social media post',
    broadcast: 'broadcast',
    other: 'other occasion',
  },
  sourceKind: {
    web_page: 'web page',
    document: 'document',
    press_release: 'press release',
    interview_recording: 'interview recording',
    broadcast: 'broadcast',
    social_post: 'social media post',
    personal_communication: 'personal communication',
  },
  precision: { approximately: 'about', at_least: 'at least', at_most: 'at most' },
  undisclosed: 'amount undisclosed',
  unknownParty: 'unknown',
  deletedFact: 'fact no longer exists',
  text: {
    claims: 'Claims',
    claim: 'Claim',
    status: 'Status',
    kind: 'Kind',
    facts: 'Linked facts',
    sources: 'Sources',
    markedBy: 'Marked by',
    checkedBy: 'Checked by',
    notChecked: 'not checked yet',
    note: 'Note',
    warnings: 'Warnings',
    dismissed: 'dismissed',
    notInText: 'No longer in the text',
    noFacts: 'no linked facts',
    noSources: 'no sources',
    locator: 'locator',
    accessed: 'accessed',
    report: 'Fact-check report',
    gateOverride: 'Released despite open findings',
    overrideBy: 'released by',
    summary: 'Summary',
    generated: 'Generated',
    history: 'History',
    none: 'none',
    article: 'Article',
    statusOfArticle: 'Article status',
    to: 'to',
    since: 'since',
    until: 'until',
    unknownClaim: 'unknown claim',
    annotated: 'Annotated version for the record',
  },
};

export function labelsFor(language: UiLanguage): Labels {
  return language === 'de' ? de : en;
}
