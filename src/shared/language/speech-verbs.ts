// Verbs that attribute speech, for both readers of attribution: the claim detector
// (src/shared/detect) and the fact-draft attribution (./quotes.ts). One list, so a verb added
// for one is known to the other.

const words = (s: string): readonly string[] => s.trim().split(/\s+/);

/** Verbs that attribute direct speech ("sagte", "said"), lower case, the common forms. */
export const SPEECH_VERBS = {
  de: words(`
    sagte sagt sagten sagen so betonte betont betonten erklärte erklärt erklärten meinte meint
    ergänzte ergänzt fügte fügt sprach spricht schrieb schreibt kommentierte kommentiert
    verriet verrät räumte räumt gab gibt stellte stellt erzählte erzählt berichtete berichtet
    kündigte kündigt versprach verspricht warnte warnt forderte fordert lachte lacht
    sagt' bilanzierte bilanziert resümierte resümiert analysierte analysiert jubelte jubelt
    schwärmte schwärmt gestand gesteht bekräftigte bekräftigt unterstrich unterstreicht
    stellte stellt teilte teilt ließ lässt meinten betonen erklären gesagt erklärt betont
    antwortete antwortet entgegnete entgegnet fragte fragt rief ruft mahnte mahnt ordnete
    zitiert zitierte twitterte postete mitteilte mitteilt mitteilten mitgeteilt verkündete verkündet
    bestätigte bestätigt hieß polterte poltert freute freut begründete begründet dementierte
    dementiert scherzte scherzt klagte klagt schimpfte schimpft versicherte versichert beteuerte
    beteuert monierte moniert erinnerte erinnert präzisierte präzisiert wiegelte appellierte
    appelliert bilanzierten stöhnte stöhnt seufzte seufzt witzelte witzelt konterte kontert
    gestand sagen
    wetterte wettert tönte tönt prophezeite prophezeit giftete giftet frotzelte frotzelt
    stichelte stichelt spottete spottet feixte feixt flachste flachst sinnierte sinniert
    philosophierte philosophiert schilderte schildert beschwichtigte beschwichtigt relativierte
    relativiert zürnte zürnt schwärmten grummelte grummelt murrte murrt nörgelte nörgelt
    mutmaßte mutmaßt vermutete vermutet urteilte urteilt befand befindet folgerte folgert
    geschrieben gepostet getwittert verraten ergänzt erzählt angekündigt gestanden gefordert
    gewarnt geantwortet versprochen bekräftigt
  `),
  en: words(`
    said says say told tells added adds explained explains insisted insists stressed stresses
    admitted admits wrote writes posted posts tweeted claimed claims noted notes argued argues
    joked jokes warned warns promised promises replied replies answered answers asked asks
    continued continues remarked remarks recalled recalls conceded concedes declared declares
    announced announces confirmed confirms revealed reveals laughed snapped snaps quipped
    quips fumed fumes urged urges acknowledged acknowledges maintained maintains vowed vows
    stated states responded responds countered counters lamented laments commented comments
    reflected reflects joked stressed explained shrugged blasted blasts tells
    reckoned reckons enthused enthuses raged rages mused muses predicted predicts recounted
    recounts gushed gushes grumbled grumbles protested protests complained complains
    cautioned cautions suggested declared pleaded pleads boasted boasts beamed teased teases
    observed observes pointed quipped sighed sighs smiled grinned
    saying telling adding insisting claiming admitting explaining writing posting
  `),
} as const;

/** Verbs that attach a partial quote to the sentence subject ("nannte", "called"). */
export const FRAMING_VERBS = {
  de: words(`
    nannte nennt nannten bezeichnete bezeichnet sprach spricht sprachen kündigte kündigt
    versprach verspricht beschrieb beschreibt lobte lobt kritisierte kritisiert
  `),
  en: words(`
    called calls described describes labelled labeled labels branded brands praised praises
    spoke speaks hailed hails dubbed
  `),
} as const;
