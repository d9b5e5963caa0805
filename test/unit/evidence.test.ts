import { test } from 'node:test';
import assert from 'node:assert/strict';
import { defaultQuestions, startingQuestions } from '../../src/catalog/question-bank.ts';
import { FRAMEWORK_2010 } from '../../src/catalog/framework-2010.ts';
import { FRAMEWORK_2020 } from '../../src/catalog/framework-2020.ts';
import { answeredCount, checkAnswers, checkSessionTimes, displayFileName, groupByDay, intervieweeCount, questionnaireStatus, sniffFileKind } from '../../src/domain/evidence.ts';
import { buildQuestionnaireDocument, buildScheduleDocument } from '../../src/reports/conduct-document.ts';
import { smallDocx, zipArchive } from '../helpers/hostile-files.ts';

const bytes = (s: string, enc: BufferEncoding = 'latin1') => new Uint8Array(Buffer.from(s, enc));

test('file types are judged by content: PDF, DOCX, XLSX, PNG, JPEG, UTF-8 text; anything else is refused', () => {
  assert.equal(sniffFileKind(bytes('%PDF-1.7\n...')), 'pdf');
  assert.equal(sniffFileKind(new Uint8Array(smallDocx())), 'docx');
  const xlsx = zipArchive([{ name: '[Content_Types].xml', data: Buffer.from('<Types/>') }, { name: 'xl/workbook.xml', data: Buffer.from('<workbook/>') }]);
  assert.equal(sniffFileKind(new Uint8Array(xlsx)), 'xlsx');
  assert.equal(sniffFileKind(bytes('\x89PNG\r\n\x1a\n\x00\x00')), 'png');
  assert.equal(sniffFileKind(bytes('\xff\xd8\xff\xe0\x00\x10JFIF')), 'jpeg');
  assert.equal(sniffFileKind(bytes('Styrdokument: Budget 2031, beslutad av KF.\r\nÅÄÖ', 'utf8')), 'text');
  // A zip that is neither Word nor Excel, a program, text with NUL, invalid UTF-8, nothing at all.
  assert.equal(sniffFileKind(new Uint8Array(zipArchive([{ name: 'a.txt', data: Buffer.from('x') }]))), null);
  assert.equal(sniffFileKind(bytes('MZ\x90\x00\x03')), null);
  assert.equal(sniffFileKind(bytes('hej\x00då')), null);
  assert.equal(sniffFileKind(bytes('\xc3\x28 trasig')), null);
  assert.equal(sniffFileKind(new Uint8Array()), null);
});

test('display names: no folders, no unsafe characters, the extension of the real type', () => {
  assert.equal(displayFileName('../../etc/passwd', 'text'), 'passwd.txt');
  assert.equal(displayFileName('C:\\temp\\Budget 2031.PDF', 'pdf'), 'Budget 2031.pdf');
  assert.equal(displayFileName('ond"<fil>.exe', 'pdf'), 'ondfil.pdf');
  assert.equal(displayFileName('....', 'png'), 'fil.png');
  assert.equal(displayFileName(`${'å'.repeat(300)}.docx`, 'docx').length, 115);
});

test('questionnaire state and counts', () => {
  const a = { text: 'Ja', links: [], fileIds: [] };
  const blank = { text: '  ', links: [], fileIds: [] };
  assert.equal(questionnaireStatus(null), 'not_started');
  assert.equal(questionnaireStatus({ submittedAt: null, answers: { q1: blank } }), 'not_started');
  assert.equal(questionnaireStatus({ submittedAt: null, answers: { q1: a } }), 'in_progress');
  assert.equal(questionnaireStatus({ submittedAt: '2031-01-01T00:00:00Z', answers: {} }), 'submitted');
  assert.equal(answeredCount(['q1', 'q2', 'q3'], { q1: a, q2: blank, q3: { text: '', links: ['https://x.se'], fileIds: [] }, gone: a }), 2);
  assert.deepEqual(checkAnswers({ questionIds: new Set(['q1']), fileIds: new Set(['f1']), answers: { q1: { text: '', links: [], fileIds: ['f1', 'f2'] }, q9: a } }), [
    'Bilagan f2 finns inte bland frågeunderlagets uppladdade filer.',
    'Frågan q9 finns inte i frågeunderlaget.',
  ]);
});

test('interview plan: times in order, sessions grouped per day in time order, interviewees summed', () => {
  assert.equal(checkSessionTimes({ startsAt: '09:00', endsAt: '10:00' }), null);
  assert.match(checkSessionTimes({ startsAt: '10:00', endsAt: '10:00' }) ?? '', /slutar/);
  const s = [
    { day: '2031-05-05', startsAt: '13:00', endsAt: '14:00', people: 4 },
    { day: '2031-05-04', startsAt: '10:00', endsAt: '11:00', people: 2 },
    { day: '2031-05-05', startsAt: '09:00', endsAt: '10:00', people: 6 },
  ];
  assert.deepEqual(groupByDay(s).map((d) => [d.day, d.sessions.map((x) => x.startsAt)]), [['2031-05-04', ['10:00']], ['2031-05-05', ['09:00', '13:00']]]);
  assert.equal(intervieweeCount(s), 12);
});

test('every subarea of both catalog versions starts with questions; 2020 has its own, other versions ask from the title', () => {
  for (const fw of [FRAMEWORK_2010, FRAMEWORK_2020]) for (const a of fw.areas) for (const sub of a.subareas) assert.ok(startingQuestions(fw.id, sub).length >= 2, `${fw.id} ${sub.id}`);
  const s11 = FRAMEWORK_2020.areas[0]?.subareas[0];
  assert.ok(s11);
  assert.notDeepEqual(startingQuestions('kk2020', s11), defaultQuestions(s11));
  assert.match(defaultQuestions({ id: '1.2', title: 'Hur informeras medborgarna?', max: 20 })[0]?.text ?? '', /^Hur informeras medborgarna\? Beskriv/);
});

test('document view models: questionnaire with unanswered questions marked, schedule per day with role names', () => {
  const doc = buildQuestionnaireDocument({
    municipality: 'Burlöv', year: 2031, framework: 'Kommunkompassen 2020', status: 'in_progress', submittedAt: null, submittedBy: null, today: '2031-04-01',
    areas: [{ number: 1, title: 'Område', subareas: [{ id: '1.1', title: 'Strategi', questions: [{ text: 'Finns en strategi?', help: '', answer: { text: 'Ja.\n\nSedan 2030.', links: ['https://x.se'], files: ['beslut.pdf'] } }, { text: 'Vem följer upp?', help: '', answer: null }] }] }],
  });
  assert.equal(doc.meta.fileBase, 'fragunderlag-burlov-2031');
  assert.equal(doc.facts.find((f) => f.label === 'Besvarade frågor')?.value, '1 av 2');
  const qs = doc.sections[0]?.blocks.filter((b) => b.kind === 'question') ?? [];
  assert.deepEqual(qs.map((b) => (b.kind === 'question' ? [b.number, b.answer, b.attachments] : null)), [['1.1.1', ['Ja.', 'Sedan 2030.'], ['https://x.se', 'Bilaga: beslut.pdf']], ['1.1.2', ['(inte besvarad)'], []]]);
  const schedule = buildScheduleDocument({ municipality: 'Burlöv', year: 2031, today: '2031-04-01', sessions: [{ day: '2031-05-04', startsAt: '09:00', endsAt: '10:00', place: '', groupName: 'Facket', roles: ['unions'], people: 5 }] });
  assert.equal(schedule.sections[0]?.heading, 'söndag 4 maj 2031');
  const table = schedule.sections[0]?.blocks[0];
  assert.deepEqual(table?.kind === 'table' ? table.rows : null, [['09:00–10:00', 'Facket', 'Fackliga företrädare', '5', '–']]);
});
