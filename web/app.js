// vanban: the clerks' page. Plain JavaScript, no framework: hash routes
// (#/search?…, #/doc/ID[/FIELD], #/agenda, #/upload, #/export) over the JSON API.
'use strict';

const $ = (sel) => document.querySelector(sel);
const esc = (s) => String(s == null ? '' : s).replace(/[&<>"']/g,
  (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }[c]));
const clip = (s, n) => { const t = String(s || ''); return t.length > n ? t.slice(0, n) + '…' : t; };
const FILTERS = ['org', 'role', 'type', 'issuer', 'issued_from', 'issued_to', 'deadline_from', 'deadline_to'];
let lastQuery = '';

async function api(path, options) {
  const res = await fetch(path, options);
  let body = null;
  try { body = await res.json(); } catch (e) { body = null; }
  if (!res.ok) throw new Error((body && body.error) || ('HTTP ' + res.status));
  return body;
}

// dd/mm/yyyy for a YYYY-MM-DD (or a prefix) date.
function viDate(iso) {
  if (!iso) return '';
  const p = String(iso).slice(0, 10).split('-');
  return p.reverse().join('/');
}

function show(name) {
  document.querySelectorAll('.view').forEach((v) => { v.hidden = v.id !== 'view-' + name; });
  document.querySelectorAll('nav a').forEach((a) => a.classList.toggle('active', a.id === 'nav-' + name));
}

// ---- search ----
function formParams() {
  const p = new URLSearchParams();
  const q = $('#q').value.trim();
  if (q) p.set('q', q);
  const form = $('#search-form');
  for (const f of FILTERS) {
    const v = form.elements[f].value.trim();
    if (v) p.set(f, v);
  }
  return p;
}

function fillForm(p) {
  $('#q').value = p.get('q') || '';
  const form = $('#search-form');
  let any = false;
  for (const f of FILTERS) { form.elements[f].value = p.get(f) || ''; any = any || p.has(f); }
  if (any) $('#filters').open = true;
}

function snippetHtml(s) {
  return esc(s).replace(/\[/g, '<mark>').replace(/\]/g, '</mark>');
}

async function runSearch(p) {
  fillForm(p);
  lastQuery = p.toString();
  const status = $('#search-status');
  const list = $('#results');
  list.innerHTML = '';
  p.set('limit', '50');
  status.className = 'status';
  status.textContent = 'Đang tìm…';
  try {
    const data = await api('/api/search?' + p.toString());
    status.textContent = data.count ? `${data.count} văn bản` : 'Không tìm thấy văn bản nào.';
    list.innerHTML = data.results.map((h) => `
      <li class="hit"><a class="title" href="#/doc/${esc(h.id)}">${esc(h.reference || '(không số)')}
        ${h.type ? '· ' + esc(h.type) : ''}</a>
        <div class="meta">${esc([h.issuer, h.issued_on && 'ngày ' + viDate(h.issued_on)].filter(Boolean).join(' · '))}</div>
        ${h.subject ? `<div class="subject">${esc(h.subject)}</div>` : ''}
        ${h.snippet ? `<p class="snippet">${snippetHtml(h.snippet)}</p>` : ''}
      </li>`).join('');
  } catch (e) {
    status.className = 'status error';
    status.textContent = 'Lỗi: ' + e.message;
  }
}

// ---- document ----
// Kinds of values highlighted in the text, most important first: where
// two overlap, the first kind keeps its highlight.
const KINDS = [
  ['deadlines', 'deadline', 'Thời hạn'],
  ['amounts', 'amount', 'Số tiền'],
  ['percentages', 'percentage', 'Tỷ lệ'],
  ['periods', 'period', 'Khoảng thời gian'],
  ['dates', 'date', 'Ngày tháng'],
  ['citations', 'citation', 'Văn bản dẫn chiếu'],
];

function valuesOf(plan) {
  const out = [];
  for (const [key, kind, label] of KINDS) {
    (plan[key] || []).forEach((v, i) => {
      if (v.span) out.push({ id: v.id || (kind + (i + 1)), kind, label, span: v.span, value: v });
    });
  }
  (plan.organisations || []).forEach((o, i) => (o.mentions || []).forEach((m, j) => {
    if (m.span) out.push({ id: (o.id || 'o' + i) + '-m' + j, kind: 'organisation', label: 'Cơ quan', span: m.span, value: o });
  }));
  return out;
}

// Keeps the values that do not overlap one kept before (KINDS order).
function nonOverlapping(values) {
  const kept = [];
  for (const v of values) {
    const b = v.span.begin, e = v.span.end;
    if (!(e > b)) continue;
    if (kept.some((k) => b < k.span.end && k.span.begin < e)) continue;
    kept.push(v);
  }
  return kept.sort((a, b) => a.span.begin - b.span.begin);
}

// The sentence around [b, e) in the text's bytes: from the byte after the
// previous '.', ';', ':' or line end to the next one (included).
function sentenceAround(bytes, b, e) {
  const stop = (c) => c === 0x2e || c === 0x3b || c === 0x0a || c === 0x3a;
  let s = b;
  while (s > 0 && !stop(bytes[s - 1])) s--;
  while (s < b && (bytes[s] === 0x20 || bytes[s] === 0x0a)) s++;
  let t = e;
  while (t < bytes.length && !stop(bytes[t])) t++;
  if (t < bytes.length && bytes[t] !== 0x0a) t++;
  return [s, t];
}

const doc = { id: null, plan: null, bytes: null, marks: [] };
const decoder = new TextDecoder();
const slice = (b, e) => esc(decoder.decode(doc.bytes.subarray(b, e)));

// The text with the kept values as <mark>s and, when given, the sentence
// [sb, se) wrapped (widened so that no mark crosses its ends).
function renderText(sentence) {
  let [sb, se] = sentence || [-1, -1];
  for (const m of doc.marks) {
    if (m.span.begin < sb && m.span.end > sb) sb = m.span.begin;
    if (m.span.begin < se && m.span.end > se) se = m.span.end;
  }
  const cuts = new Set([0, doc.bytes.length]);
  if (sentence) { cuts.add(sb); cuts.add(se); }
  for (const m of doc.marks) { cuts.add(m.span.begin); cuts.add(m.span.end); }
  const points = [...cuts].filter((x) => x >= 0 && x <= doc.bytes.length).sort((a, b) => a - b);
  let html = '';
  for (let i = 0; i + 1 < points.length; i++) {
    const b = points[i], e = points[i + 1];
    if (b === sb && sentence) html += '<span class="sentence focus" id="sentence">';
    const m = doc.marks.find((k) => k.span.begin === b);
    if (m) {
      html += `<mark class="v v-${m.kind}" id="v-${esc(m.id)}" data-id="${esc(m.id)}" title="${esc(m.label)}">`;
    }
    html += slice(b, e);
    if (doc.marks.find((k) => k.span.end === e)) html += '</mark>';
    if (e === se && sentence) html += '</span>';
  }
  $('#doc-text').innerHTML = html;
}

function fieldItem(v) {
  const x = v.value;
  let text = x.text || '';
  if (v.kind === 'deadline') {
    text = `${x.inclusive === false ? 'trước ' : ''}${viDate(x.due)}${x.action ? ' — ' + x.action : ''}`;
  } else if (v.kind === 'date') {
    text = `${viDate(x.value)} (${x.text})`;
  } else if (v.kind === 'citation') {
    text = x.reference || x.text;
  }
  return `<li class="field field-${v.kind}" data-id="${esc(v.id)}" id="f-${esc(v.id)}">${esc(text)}</li>`;
}

function tasksHtml(plan) {
  const tasks = plan.tasks || [];
  if (!tasks.length) return '';
  return '<h3>Nhiệm vụ</h3><ul>' + tasks.map((t) => `
    <li class="field field-task" data-task="${esc(t.id)}" id="f-${esc(t.id)}">
      ${t.due ? `<span class="badge">${esc(viDate(t.due))}</span> ` : ''}${esc(clip(t.text, 160))}
      ${t.lead ? `<div class="meta">Chủ trì: ${esc(t.lead)}</div>` : ''}</li>`).join('') + '</ul>';
}

function renderFields(values) {
  let html = '';
  for (const [, kind, label] of KINDS) {
    const items = values.filter((v) => v.kind === kind);
    if (items.length) html += `<h3>${esc(label)} (${items.length})</h3><ul>${items.map(fieldItem).join('')}</ul>`;
  }
  html += tasksHtml(doc.plan);
  $('#doc-fields').innerHTML = html;
}

// A link to each file the document was received as (the one read first).
function sourcesHtml(plan, id) {
  const name = (p) => (p || '').split('/').pop();
  const list = plan.sources && plan.sources.length ? plan.sources
    : [{ sha256: id, path: (plan.source || {}).path }];
  return list.map((s) => `<a class="source-link" href="/api/documents/${esc(s.sha256)}/source"
    target="_blank">${esc(name(s.path))}</a>`).join(', ');
}

function headHtml(plan, id) {
  const d = plan.document || {};
  return `<h2>${esc(d.type || 'Văn bản')} ${esc(d.reference || d.number || '')}</h2>
    <div class="meta">${esc([d.issuer, d.issued_on && [d.place, 'ngày ' + viDate(d.issued_on)].filter(Boolean).join(', ')].filter(Boolean).join(' · '))}</div>
    ${d.subject ? `<p class="subject">${esc(d.subject)}</p>` : ''}
    <p class="meta">Tệp gốc: ${sourcesHtml(plan, id)}
    · <a href="/api/documents/${esc(id)}" target="_blank">JSON</a></p>
    <p class="legend">${KINDS.map(([, k, l]) => `<span class="v v-${k}">${esc(l)}</span>`).join('')}</p>`;
}

// Focuses one value: its field and its mark, and the sentence it is in.
function focusValue(id) {
  const v = doc.values.find((x) => x.id === id);
  if (!v) return;
  const kept = doc.marks.find((m) => m.id === id);
  const span = (kept || v).span;
  renderText(sentenceAround(doc.bytes, span.begin, span.end));
  document.querySelectorAll('.focus').forEach((e) => { if (!e.classList.contains('sentence')) e.classList.remove('focus'); });
  const mark = document.getElementById('v-' + id);
  if (mark) mark.classList.add('focus');
  const field = document.getElementById('f-' + id);
  if (field) { field.classList.add('focus'); field.scrollIntoView({ block: 'nearest' }); }
  const target = mark || $('#sentence');
  if (target) target.scrollIntoView({ block: 'center' });
}

function focusTask(taskId) {
  const t = (doc.plan.tasks || []).find((x) => x.id === taskId);
  if (!t || !t.span) return;
  renderText([t.span.begin, t.span.end]);
  document.querySelectorAll('aside .focus').forEach((e) => e.classList.remove('focus'));
  const field = document.getElementById('f-' + taskId);
  if (field) field.classList.add('focus');
  const s = $('#sentence');
  if (s) s.scrollIntoView({ block: 'center' });
}

async function openDocument(id, focus) {
  $('#doc-head').innerHTML = '<p class="status">Đang mở…</p>';
  $('#doc-fields').innerHTML = '';
  $('#doc-text').innerHTML = '';
  $('#back').href = '#/search' + (lastQuery ? '?' + lastQuery : '');
  try {
    const plan = await api('/api/documents/' + encodeURIComponent(id));
    doc.id = id;
    doc.plan = plan;
    doc.bytes = new TextEncoder().encode(plan.text || '');
    doc.values = valuesOf(plan);
    doc.marks = nonOverlapping(doc.values);
    $('#doc-head').innerHTML = headHtml(plan, id);
    renderFields(doc.values);
    renderText(null);
    if (focus && focus.startsWith('t')) focusTask(focus);
    else if (focus) focusValue(focus);
  } catch (e) {
    $('#doc-head').innerHTML = `<p class="error">Lỗi: ${esc(e.message)}</p>`;
  }
}

$('#doc-fields').addEventListener('click', (ev) => {
  const li = ev.target.closest('li');
  if (!li) return;
  if (li.dataset.task) focusTask(li.dataset.task);
  else if (li.dataset.id) focusValue(li.dataset.id);
});
$('#doc-text').addEventListener('click', (ev) => {
  const m = ev.target.closest('mark.v');
  if (m) focusValue(m.dataset.id);
});

// ---- agenda ----
function groupByLead(tasks) {
  const groups = new Map();
  for (const t of tasks) {
    const lead = t.lead_canonical || t.lead || 'Chưa rõ đơn vị chủ trì';
    if (!groups.has(lead)) groups.set(lead, []);
    groups.get(lead).push(t);
  }
  return [...groups.entries()].sort((a, b) => b[1].length - a[1].length);
}

function agendaRow(t, today) {
  const due = (t.due || '').slice(0, 10);
  const soon = !t.overdue && due >= today;
  return `<tr class="${t.overdue ? 'overdue' : ''}">
    <td class="when">${esc(viDate(due))} ${t.overdue ? '<span class="badge overdue">Quá hạn</span>' : soon ? '<span class="badge soon">Sắp đến</span>' : ''}</td>
    <td><a href="#/doc/${esc(t.doc_id)}/${esc(t.task_id)}">${esc(t.reference || '(không số)')}</a></td>
    <td>${esc(clip(t.action, 200))}${t.partners.length ? `<div class="meta">Phối hợp: ${esc(t.partners.join('; '))}</div>` : ''}</td></tr>`;
}

// The day n days after a YYYY-MM-DD date.
function addDays(iso, n) {
  const d = new Date(iso + 'T00:00:00Z');
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
}

// Folded for loose matching: no case, no accents, đ as d.
const fold = (s) => String(s || '').toLowerCase().normalize('NFD')
  .replace(/[\u0300-\u036f]/g, '').replace(/đ/g, 'd');

const agenda = { tasks: [], today: '' };

function drawAgenda() {
  const when = $('#agenda-when').value;
  const lead = fold($('#agenda-lead').value.trim());
  const horizon = addDays(agenda.today, 30);
  const shown = agenda.tasks.filter((t) => {
    const due = t.due.slice(0, 10);
    if (when === 'overdue' && !t.overdue) return false;
    if (when === 'soon' && (t.overdue || due < agenda.today || due > horizon)) return false;
    return !lead || fold(t.lead_canonical || t.lead).includes(lead);
  });
  const overdue = agenda.tasks.filter((t) => t.overdue).length;
  $('#agenda-status').textContent = `Hôm nay ${viDate(agenda.today)}: ${agenda.tasks.length} nhiệm vụ có thời hạn, ${overdue} quá hạn; đang hiện ${shown.length}.`;
  $('#agenda').innerHTML = groupByLead(shown).map(([name, list]) => `
    <div class="lead-group"><h3>${esc(name)} <span class="badge">${list.length}</span></h3>
    <table><tbody>${list.map((t) => agendaRow(t, agenda.today)).join('')}</tbody></table></div>`).join('');
}

async function runAgenda() {
  const status = $('#agenda-status');
  status.className = 'status';
  status.textContent = 'Đang tải…';
  try {
    const data = await api('/api/tasks');
    agenda.today = data.today;
    agenda.tasks = data.tasks.filter((t) => t.due && /^\d{4}-\d{2}-\d{2}/.test(t.due))
      .sort((a, b) => a.due.localeCompare(b.due));
    drawAgenda();
  } catch (e) {
    status.className = 'status error';
    status.textContent = 'Lỗi: ' + e.message;
  }
}

$('#agenda-when').addEventListener('change', drawAgenda);
$('#agenda-lead').addEventListener('input', drawAgenda);
$('#agenda-form').addEventListener('submit', (ev) => ev.preventDefault());

// ---- upload ----
$('#upload-form').addEventListener('submit', async (ev) => {
  ev.preventDefault();
  const status = $('#upload-status');
  const file = $('#upload-file').files[0];
  if (!file) { status.className = 'status error'; status.textContent = 'Chưa chọn tệp.'; return; }
  const form = new FormData();
  form.append('file', file, file.name);
  const headers = {};
  const token = $('#upload-token').value.trim();
  if (token) headers.Authorization = 'Bearer ' + token;
  status.className = 'status';
  status.textContent = 'Đang đọc và trích xuất ' + file.name + '…';
  try {
    const r = await api('/api/documents', { method: 'POST', body: form, headers });
    const d = (r.plan && r.plan.document) || {};
    const what = r.joined ? 'Văn bản này đã có trong kho; tệp được lưu thêm làm một bản của nó:'
      : 'Đã đưa vào kho:';
    status.innerHTML = `${what} <a id="uploaded-link" href="#/doc/${esc(r.document_id || r.id)}">${esc(d.reference || r.name)}</a>
      ${d.subject ? ' — ' + esc(d.subject) : ''}`;
    loadHealth();
  } catch (e) {
    status.className = 'status error';
    status.textContent = 'Không nhận được tệp: ' + e.message;
  }
});

// ---- exports ----
function runExports() {
  const q = lastQuery ? '?' + lastQuery : '';
  const amp = q ? '&' : '?';
  const links = [
    ['/api/export.xlsx' + q, 'Sổ đăng ký văn bản đến và lịch công việc (Excel .xlsx)'],
    ['/api/export.register.csv' + q + amp + 'bom=1', 'Sổ đăng ký văn bản đến (CSV)'],
    ['/api/export.csv' + q + amp + 'bom=1', 'Thời hạn và nhiệm vụ (CSV)'],
    ['/api/export.ics' + q, 'Lịch (iCalendar .ics)'],
    ['/api/export.jsonl' + q, 'Toàn bộ dữ liệu trích xuất (JSON Lines)'],
  ];
  $('#exports').innerHTML = links.map(([href, label]) => `<li><a href="${esc(href)}">${esc(label)}</a></li>`).join('');
}

// ---- routing ----
async function loadHealth() {
  try {
    const h = await api('/api/health');
    $('#health').textContent = `${h.documents} văn bản trong kho`;
    $('#token-label').hidden = !h.writes_need_token;
  } catch (e) {
    $('#health').textContent = '';
  }
}

function route() {
  const hash = location.hash.replace(/^#\/?/, '');
  const [path, query] = hash.split('?');
  const parts = path.split('/');
  if (parts[0] === 'doc' && parts[1]) { show('doc'); openDocument(parts[1], parts[2]); return; }
  if (parts[0] === 'agenda') { show('agenda'); runAgenda(); return; }
  if (parts[0] === 'upload') { show('upload'); return; }
  if (parts[0] === 'export') { show('export'); runExports(); return; }
  show('search');
  const p = new URLSearchParams(query || '');
  if ([...p.keys()].length) runSearch(p);
}

$('#search-form').addEventListener('submit', (ev) => {
  ev.preventDefault();
  const target = '#/search?' + formParams().toString();
  if (location.hash === target) route(); else location.hash = target;
});
window.addEventListener('hashchange', route);
loadHealth();
route();
