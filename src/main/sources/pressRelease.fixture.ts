import { printHtmlToPdf } from '../export/pdf';

/**
 * A press release of an invented club as a real PDF, printed by the app's own PDF export
 * (Chromium): one page per section, the transfer sentence on page 2.
 */
export function pressReleasePdf(pages = 3): Promise<Buffer> {
  const body = Array.from(
    { length: pages },
    (_, i) =>
      `<section style="break-after: page"><h1>Pressemitteilung Seite ${i + 1}</h1><p>${
        i === 1
          ? 'Der SV Rotheide verpflichtet Lena Kowalczyk vom FC Nordhafen bis 2029.'
          : `Absatz auf Seite ${i + 1} über Ablösesummen und Fußball.`
      }</p></section>`,
  ).join('');
  return printHtmlToPdf(
    `<!doctype html><html lang="de"><head><meta charset="utf-8"><title>Pressemitteilung SV Rotheide</title></head><body>${body}</body></html>`,
  );
}

/** A web page as Chrome saves it ("Webpage, HTML only"), with a script that must never run and page furniture. */
export const SAVED_PAGE = `<!DOCTYPE html>
<!-- saved from url=(0052)https://www.fc-nordhafen.example/news/wintertransfer -->
<html lang="de"><head><meta charset="utf-8"><title>Wintertransfer: Jonas Wróblewski kommt | FC Nordhafen</title>
<script>document.title = 'hacked'; fetch('https://tracker.example/x');</script>
<style>body { color: red }</style></head>
<body><nav><a href="/">Start</a> <a href="/news">News</a></nav>
<header><p>Cookie-Hinweis: Wir verwenden Cookies.</p></header>
<article>
  <h1>Jonas Wróblewski wechselt an die Förde</h1>
  <p>Der FC Nordhafen hat Mittelfeldspieler Jonas Wróblewski verpflichtet.</p>
  <h2>Die Ablöse</h2>
  <p>Die Ablösesumme liegt nach Vereinsangaben bei 1,8 Millionen Euro.</p>
  <p onclick="alert(1)">Trainerin Ida Sørensen freut sich auf den Neuzugang.</p>
</article>
<footer><p>© FC Nordhafen</p></footer>
</body></html>`;

/** The same kind of page as MHTML (one file, quoted-printable), as Chrome writes it. */
export const SAVED_MHTML = [
  'From: <Saved by Blink>',
  'Snapshot-Content-Location: https://www.sv-rotheide.example/presse/stadion',
  'Subject: =?utf-8?Q?Stadionumbau_in_Rotheide_beschlossen?=',
  'Date: Fri, 4 Dec 2026 09:15:00 +0100',
  'MIME-Version: 1.0',
  'Content-Type: multipart/related;',
  '\ttype="text/html";',
  '\tboundary="----MultipartBoundary--Rotheide----"',
  '',
  '',
  '------MultipartBoundary--Rotheide----',
  'Content-Type: text/html',
  'Content-ID: <frame-1@mhtml.blink>',
  'Content-Transfer-Encoding: quoted-printable',
  'Content-Location: https://www.sv-rotheide.example/presse/stadion',
  '',
  '<html><head><meta http-equiv=3D"Content-Type" content=3D"text/html; charset=3DUTF-8"><title>Stadion</title></head>',
  '<body><main><h1>Stadionumbau beschlossen</h1><p>Die Mitgliederversammlung des SV Rotheide stimmte dem Umbau der Nordtrib=',
  '=C3=BCne mit gro=C3=9Fer Mehrheit zu.</p></main></body></html>',
  '------MultipartBoundary--Rotheide----',
  'Content-Type: image/png',
  'Content-Transfer-Encoding: base64',
  'Content-Location: https://www.sv-rotheide.example/logo.png',
  '',
  'iVBORw0KGgo=',
  '------MultipartBoundary--Rotheide------',
  '',
].join('\r\n');
