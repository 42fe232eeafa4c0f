// gen.js writes the table ../zxcvbn-4.4.2.tsv.gz (gzipped): what the original zxcvbn 4.4.2 (the
// npm package, Dropbox's own build) says of a few thousand passwords, for
// TestSameAsZxcvbn. Run it again only to change the inputs:
//
//	cd lessons/internal/fastzx/testdata/gen && npm ci && node gen.js | gzip -9n > ../zxcvbn-4.4.2.tsv.gz
//
// Every line is: the set of user inputs (0: none, 1: the test's), the
// password, zxcvbn's guesses, and the sequence it chose, a match per
// item: its pattern's letter, then where it starts and ends (w: dictionary,
// with R when reversed and L for look-alikes; s: spatial; r: repeat;
// q: sequence; x: regex; d: date; b: bruteforce). The passwords are
// printable ASCII without tabs; the list is the same on every run.
'use strict';
const zxcvbn = require('zxcvbn');
const scoring = require('zxcvbn/lib/scoring');
const frequency = require('zxcvbn/lib/frequency_lists');

// zxcvbn measures years from the one it runs in; the table is made for a
// fixed one, which the test gives fastzx too.
const YEAR = 2026;
scoring.REFERENCE_YEAR = YEAR;

// The test's user inputs (fastzx_test.go, inputs).
const INPUTS = ['lucía', 'lucia', 'prueba', 'barcelona', 'enero', '1975', 'tren', 'nube'];

// mulberry32: a small seeded generator, so that the list never changes.
let seed = 20261205;
function rand() {
  seed = (seed + 0x6d2b79f5) | 0;
  let t = seed;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
}
const int = (n) => Math.floor(rand() * n);
const pick = (a) => a[int(a.length)];
const digits = (n) => Array.from({ length: n }, () => int(10)).join('');
const pad = (v, n) => String(v).padStart(n, '0');

const rows = [];
const seen = new Set();
function add(set, p) {
  if (/[^ -~]/.test(p) || seen.has(set + '\t' + p)) return;
  seen.add(set + '\t' + p);
  rows.push([set, p]);
}

// Every string of 4 digits, and samples of 5 to 8.
for (let v = 0; v < 10000; v++) add(0, pad(v, 4));
for (let n = 5; n <= 8; n++) for (let k = 0; k < 700; k++) add(0, digits(n));
// Digits around the places where dates begin and end.
for (let k = 0; k < 300; k++) add(0, digits(2 + int(3)) + pick(['a', 'x', 'Z', '!', '-']) + digits(4 + int(5)));
// Dates with separators, zeros and out-of-range parts included.
const seps = [' ', '/', '\\', '_', '.', '-'];
for (let k = 0; k < 1200; k++) {
  const s = pick(seps);
  const s2 = int(10) === 0 ? pick(seps) : s;
  const a = int(4) === 0 ? digits(1 + int(4)) : pad(int(32), 1 + int(2));
  const b = int(4) === 0 ? digits(1 + int(3)) : pad(int(13), 1 + int(2));
  const c = int(2) === 0 ? String(1900 + int(160)) : pad(int(100), 1 + int(2));
  const date = int(2) === 0 ? a + s + b + s2 + c : c + s + b + s2 + a;
  add(0, int(3) === 0 ? pick(['maria', 'x', 'Pepe', '#', '']) + date + pick(['', '!', 'abc', '7']) : date);
}
// The cases known to be tricky.
for (const p of ['0803', '0800', '0008', '0000', '1200', '0012', '3100', '0131', '1300', '000000', '010100', '000101',
  '100000', '20000101', '00000000', '19000000', '01012000', '0802003', '0/8/2003', '8/0/2003', '00/00/00', '0.0.0000',
  '1/1/1', '31-12-99', '2015_06_04', '1191', '111504', '01.02.03', '19/07/1975', '1975-07-19', '9.23.2007',
  '29/02/2001', '31/04/2020', '1-2-3-4-5', '12 12 12', '2050', '2051', '1000', '0999', '3112050', '31122050']) add(0, p);
// Ordinary passwords: words of zxcvbn's own lists, as people change them.
const lists = [frequency.passwords, frequency.english_wikipedia, frequency.female_names, frequency.male_names,
  frequency.surnames, frequency.us_tv_and_film];
const l33t = { a: '4', e: '3', i: '1', o: '0', s: '$', t: '7', l: '1', g: '9' };
function word() {
  const l = pick(lists);
  return l[Math.min(l.length - 1, Math.floor(Math.pow(rand(), 3) * l.length))];
}
function mangle(w) {
  switch (int(7)) {
    case 0: return w[0].toUpperCase() + w.slice(1);
    case 1: return w.toUpperCase();
    case 2: return w.replace(/[aeiostlg]/g, (c) => (int(2) ? l33t[c] : c));
    case 3: return w.split('').reverse().join('');
    case 4: return w + w;
    default: return w;
  }
}
const pieces = ['password', 'lucia', 'tren', 'nube', '1975', '2024', '19/07', 'qwerty', 'asdf', '123', 'abc',
  'p@ss', 'w0rd', '!', '|', '$', '4', '@', '0', '1', '7', '9', 'Z', 'x', ' ', '-', '.', '_', 'aa', 'dragon',
  'Barcelona', 'monkey', 'zxcv', '741', 'drowssap', 'ENERO', '3', '(', '<', '%', '+', '5', '6', '8', '2'];
for (let k = 0; k < 1500; k++) {
  let p = '';
  const parts = 1 + int(4);
  for (let x = 0; x < parts; x++) {
    switch (int(4)) {
      case 0: p += digits(1 + int(4)); break;
      case 1: p += pick(['!', '.', '-', ' ', '_', '123', '1!', '2024', '@', '#']); break;
      default: p += mangle(word());
    }
  }
  add(0, p.slice(0, 64));
}
for (let k = 0; k < 1000; k++) {
  let p = '';
  while (p.length < 64 && int(8) !== 0) p += int(3) === 0 ? String.fromCharCode(32 + int(95)) : pick(pieces);
  add(int(2), p.slice(0, 64));
}
for (const p of ['', 'a', 'aa', 'password', 'password1', 'correcthorse', 'Xk4mz9qw', 'correcthorsebatterystaple',
  'Tr0ub4dour&3', '123456', 'qwerty', 'iloveyou', 'Maria1975', 'Barcelona2024', 'tres gatos pintan nubes',
  'mesa-limon-tren-azul', 'coRrecth0rseba++ery9.23.2007staple$', 'P@ssw0rd!', '1q2w3e4r', 'zxcvbnm,./',
  'aaaaaaaaaaaa', 'abcabcabc', 'aabaabaabaab', 'lucia1980', 'LUCIA', 'drowssap', 'nube tren queso piano',
  '4@8(3|1!$5+%2', 'p@55w0rd1|!7p@55w0rd1|!7', 'Ab1!Ab1!Ab1!', 'qazwsxedcrfv', '7894561230', 'ZYXWVUTS',
  'acegikmoq', '9876543210', 'ab'.repeat(32), 'The quick brown fox jumps over the lazy dog 1234', 'luciaLucia',
  'trentrentren', 'nubenube1975', 'sol luna mar', 'mesa silla puerta ventana', 'EstaEsMiContrasena']) {
  add(0, p);
  add(1, p);
}

const letter = { dictionary: 'w', spatial: 's', repeat: 'r', sequence: 'q', regex: 'x', date: 'd', bruteforce: 'b' };
const out = ['# zxcvbn 4.4.2 (npm), reference year ' + YEAR + '; made by testdata/gen/gen.js'];
for (const [set, p] of rows) {
  const r = zxcvbn(p, set === 1 ? INPUTS : []);
  const seq = r.sequence.map((m) => letter[m.pattern] + (m.reversed ? 'R' : '') + (m.l33t ? 'L' : '') + m.i + '-' + m.j);
  out.push([set, p, r.guesses, seq.join(',')].join('\t'));
}
process.stdout.write(out.join('\n') + '\n');
