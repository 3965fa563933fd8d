import PDFDocument from 'pdfkit';
import type { TNote, TTemplateField } from '@hearth/contracts';
import { describeFieldValue, pdfSafe, type ValueLabels } from './domain/note-pdf-text.js';

// The printed note for release of information (PDF, US Letter): practice header, patient identifiers,
// the encounter, every answered field as labelled text, signatures with their content hashes, addenda
// beneath, page numbers and a confidentiality footer on every page. Unsigned notes carry a "DRAFT"
// watermark on every page. The standard Helvetica font covers Latin-1 (and the Windows-1252 extras);
// other characters print as "?" (see pdfSafe): an embedded Unicode font would need a font asset.

export interface NotePdfInput {
  practice: { name: string; addressLines: string[]; phone: string | null };
  patient: { name: string; dateOfBirth: string; mrn: string };
  note: TNote;
  labels: ValueLabels;
  /** When the export was made (printed in the footer). */
  generatedAt: Date;
}

const MARGIN = 54;
const FOOTER_GAP = 28;
const GREY = '#555555';

/** Formats an instant in the note's zone: "2027-03-02 15:04 EST". */
export function formatInstant(iso: string, timeZone: string): string {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZoneName: 'short',
  }).formatToParts(new Date(iso));
  const get = (t: string) => parts.find((p) => p.type === t)?.value ?? '';
  return `${get('year')}-${get('month')}-${get('day')} ${get('hour')}:${get('minute')} ${get('timeZoneName')}`;
}

const PARTICIPANT_ROLES: Record<string, string> = {
  patient: 'Patient', guardian: 'Guardian', family_member: 'Family member', partner: 'Partner', interpreter: 'Interpreter',
  other_provider: 'Other provider', other: 'Other',
};

const ADDENDUM_REASONS: Record<string, string> = {
  correction: 'Correction', late_entry: 'Late entry', additional_information: 'Additional information', clarification: 'Clarification',
};

export function renderNotePdf(input: NotePdfInput, opts: { compress?: boolean } = {}): Promise<Buffer> {
  const { note, practice, patient, labels } = input;
  const doc = new PDFDocument({
    size: 'LETTER',
    margins: { top: MARGIN, left: MARGIN, right: MARGIN, bottom: MARGIN + FOOTER_GAP },
    bufferPages: true,
    compress: opts.compress ?? true,
    // Document metadata stays free of PHI: a PDF's properties are shown by viewers and indexed by desktops.
    info: { Title: 'Clinical note', Creator: 'Hearth', Producer: 'Hearth', CreationDate: input.generatedAt },
  });
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  const width = doc.page.width - MARGIN * 2;
  const text = (s: string, o: PDFKit.Mixins.TextOptions = {}) => doc.text(pdfSafe(s), { width, ...o });
  const heading = (s: string, size = 12) => {
    doc.moveDown(0.6).font('Helvetica-Bold').fontSize(size).fillColor('black');
    text(s);
    doc.font('Helvetica').fontSize(10);
  };
  const labelled = (label: string, value: string) => {
    doc.font('Helvetica-Bold').fontSize(10).fillColor('black');
    doc.text(`${pdfSafe(label)}: `, { width, continued: true });
    doc.font('Helvetica');
    text(value);
  };
  /** A label on a line of its own, for values of several lines beneath it. */
  const labelLine = (label: string) => {
    doc.font('Helvetica-Bold').fontSize(10).fillColor('black');
    text(`${label}:`);
    doc.font('Helvetica');
  };
  const tz = note.encounter.timeZone;
  const unsigned = note.status === 'draft' || note.status === 'returned';

  // Practice header.
  doc.font('Helvetica-Bold').fontSize(14);
  text(practice.name, { align: 'center' });
  doc.font('Helvetica').fontSize(9).fillColor(GREY);
  for (const l of practice.addressLines) text(l, { align: 'center' });
  if (practice.phone) text(`Phone ${practice.phone}`, { align: 'center' });
  doc.fillColor('black').moveDown(0.8);
  doc.moveTo(MARGIN, doc.y).lineTo(MARGIN + width, doc.y).strokeColor('#999999').stroke().moveDown(0.6);

  // Title, status labels, patient.
  doc.font('Helvetica-Bold').fontSize(13);
  text(note.templateName);
  doc.font('Helvetica').fontSize(10);
  if (note.lateEntry) {
    doc.font('Helvetica-Bold').fillColor('#a00000');
    text('Late entry');
    doc.font('Helvetica').fillColor('black');
  }
  if (unsigned) text('Status: DRAFT — not signed');
  else if (note.status === 'pending_cosign') text('Status: signed by the author, awaiting supervisor co-signature (not final)');
  doc.moveDown(0.4);
  labelled('Patient', patient.name);
  labelled('Date of birth', patient.dateOfBirth);
  labelled('MRN', patient.mrn);

  // Encounter.
  heading('Encounter');
  const e = note.encounter;
  labelled('Service date', e.serviceDate);
  if (e.startTime || e.endTime) labelled('Time', `${e.startTime ?? '?'} – ${e.endTime ?? '?'} (${tz})`);
  if (e.psychotherapyMinutes != null) labelled('Psychotherapy minutes', String(e.psychotherapyMinutes));
  if (e.medicalMinutes != null) labelled('Medical management minutes', String(e.medicalMinutes));
  const pos = e.placeOfService === 'telehealth'
    ? `Telehealth${e.telehealthMode ? ` (${e.telehealthMode === 'audio_only' ? 'audio only' : 'video'})` : ''}${e.patientLocation ? `; patient location: ${e.patientLocation}` : ''}`
    : 'In person';
  labelled('Place of service', `${pos}${e.posCode ? ` — POS ${e.posCode}` : ''}`);
  if (e.participants.length) {
    labelled('Participants', e.participants.map((p) => `${PARTICIPANT_ROLES[p.role] ?? p.role}${p.name ? ` (${p.name})` : ''}`).join('; '));
  }
  if (e.diagnoses.length) {
    labelLine('Diagnoses');
    e.diagnoses.forEach((d, i) => text(`${i + 1}. ${d.code}${d.title ? ` ${d.title}` : ''}`, { indent: 12 }));
  }

  // Sections and fields as labelled text, in template order; unanswered fields are left out.
  for (const section of note.definition.sections) {
    if (section.optional && !note.enabledSections.includes(section.key)) continue;
    heading(section.title);
    const values = note.content[section.key] ?? {};
    let any = false;
    for (const field of section.fields as TTemplateField[]) {
      const lines = describeFieldValue(field, values[field.key], labels);
      if (!lines.length) continue;
      any = true;
      if (lines.length === 1 && field.type !== 'long_text') labelled(field.label, lines[0]!);
      else {
        labelLine(field.label);
        for (const l of lines) text(l || ' ', { indent: 12 });
      }
    }
    if (!any) {
      doc.fillColor(GREY);
      text('No entries.');
      doc.fillColor('black');
    }
  }

  // Signatures.
  heading('Signatures');
  // The signatures of the note as it stands: a return for changes voids the author's earlier signature
  // (the history stays in the record; the printed copy attests the final text).
  const lastReturn = note.signatures.map((s) => s.kind).lastIndexOf('returned');
  const signed = note.signatures.slice(lastReturn + 1).filter((s) => s.kind !== 'returned');
  if (!signed.length) text('Not signed.');
  for (const s of signed) {
    const who = `${s.signerName}${s.credentials ? `, ${s.credentials}` : ''}`;
    text(`${s.kind === 'cosign' ? 'Co-signed' : 'Electronically signed'} by ${who} on ${formatInstant(s.signedAt, tz)}`);
    doc.fillColor(GREY).fontSize(8);
    text(`Content hash (SHA-256): ${s.contentHash}`);
    doc.fillColor('black').fontSize(10);
  }
  if (note.status === 'pending_cosign' && note.supervisorName) text(`Co-signature required from ${note.supervisorName}.`);

  // Addenda beneath the note, each with its own signature.
  if (note.addenda.length) {
    heading('Addenda');
    for (const a of note.addenda) {
      doc.font('Helvetica-Bold');
      text(`${ADDENDUM_REASONS[a.reason] ?? a.reason} — ${formatInstant(a.signedAt, tz)}`);
      doc.font('Helvetica');
      text(a.body);
      text(`Electronically signed by ${a.signerName}${a.credentials ? `, ${a.credentials}` : ''} on ${formatInstant(a.signedAt, tz)}`);
      doc.fillColor(GREY).fontSize(8);
      text(`Content hash (SHA-256): ${a.contentHash}`);
      doc.fillColor('black').fontSize(10).moveDown(0.5);
    }
  }

  // Every page: the watermark for drafts, page numbers and the confidentiality footer.
  const range = doc.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    // Writing inside the bottom margin would otherwise start a new page.
    const bottom = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    if (unsigned) {
      doc.save();
      doc.rotate(-35, { origin: [doc.page.width / 2, doc.page.height / 2] });
      doc.font('Helvetica-Bold').fontSize(54).fillColor('#cc0000').fillOpacity(0.15);
      doc.text('DRAFT — not signed', 0, doc.page.height / 2 - 30, { width: doc.page.width, align: 'center', lineBreak: false });
      doc.restore();
    }
    doc.font('Helvetica').fontSize(8).fillColor(GREY).fillOpacity(1);
    const y = doc.page.height - MARGIN;
    doc.text(`Confidential: protected health information. Printed ${formatInstant(input.generatedAt.toISOString(), tz)}.`, MARGIN, y, { width, align: 'left', lineBreak: false });
    doc.text(`Page ${i - range.start + 1} of ${range.count}`, MARGIN, y, { width, align: 'right', lineBreak: false });
    doc.page.margins.bottom = bottom;
  }
  doc.end();
  return done;
}
