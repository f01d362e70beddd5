// Weft View's page: one script for the three views the path names (/, /trace/{id}, /graph). It reads the JSON of
// /api/*, polls it every two seconds, and renders only when something changed. Text from spans is always set as
// text (never as HTML), so nothing a traced application sends can run here.
'use strict';

const POLL_MS = 2000;
const PALETTE = ['#3b6fd8', '#e0762f', '#2e9e6a', '#9b4fd1', '#c43d5f', '#1a9bb0', '#a38a16', '#6d7a8c',
  '#d14fa7', '#4a8a2a'];
const main = document.getElementById('main');
let lastRendered = null;

function el(tag, attributes, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attributes || {})) {
    if (value === undefined || value === null || value === false) continue;
    if (key === 'class') node.className = value;
    else if (key === 'style') node.style.cssText = value;
    else if (key.startsWith('on')) node.addEventListener(key.substring(2), value);
    else node.setAttribute(key, value === true ? '' : value);
  }
  for (const child of children.flat()) {
    if (child === undefined || child === null || child === false) continue;
    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return node;
}

function svg(tag, attributes, ...children) {
  const node = document.createElementNS('http://www.w3.org/2000/svg', tag);
  for (const [key, value] of Object.entries(attributes || {})) node.setAttribute(key, value);
  for (const child of children.flat()) {
    if (child !== undefined && child !== null) node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return node;
}

function serviceColor(service) {
  let hash = 0;
  for (let i = 0; i < service.length; i++) hash = (hash * 31 + service.charCodeAt(i)) | 0;
  return PALETTE[Math.abs(hash) % PALETTE.length];
}

function ms(value) {
  if (value >= 1000) return (value / 1000).toFixed(2) + ' s';
  if (value >= 100) return value.toFixed(0) + ' ms';
  if (value >= 10) return value.toFixed(1) + ' ms';
  return value.toFixed(2) + ' ms';
}

function plural(count, noun) {
  return count + ' ' + noun + (count === 1 ? '' : 's');
}

function percent(value) {
  return (value * 100).toFixed(value > 0 && value < 0.01 ? 1 : 0) + '%';
}

function clock(epochMs) {
  const date = new Date(epochMs);
  const two = (n) => String(n).padStart(2, '0');
  return two(date.getHours()) + ':' + two(date.getMinutes()) + ':' + two(date.getSeconds()) + '.'
    + String(date.getMilliseconds()).padStart(3, '0');
}

async function getJson(url) {
  const response = await fetch(url, { cache: 'no-store' });
  if (response.status === 404) return null;
  if (!response.ok) throw new Error(url + ': ' + response.status);
  return response.json();
}

function renderStatus(stats) {
  const status = document.getElementById('status');
  const rejected = stats.rejected;
  const rejectedTotal = rejected.malformed + rejected.tooLarge + rejected.unsupportedMediaType + rejected.wrongMethod;
  status.replaceChildren(
    el('span', { id: 'stat-held' }, plural(stats.traces, 'trace') + ', ' + plural(stats.spans, 'span')
      + ' held (at most ' + stats.maxSpans + ')'),
    ' \u00b7 ',
    el('span', { id: 'stat-dropped', class: stats.spansDropped ? 'warn' : '' },
      plural(stats.spansDropped, 'span') + ' dropped (' + plural(stats.tracesDropped, 'trace') + ')'),
    ' \u00b7 ',
    el('span', { id: 'stat-rejected', class: rejectedTotal ? 'warn' : '' }, 'rejected requests: '
      + rejected.malformed + ' malformed (400), ' + rejected.tooLarge + ' too large (413), '
      + rejected.unsupportedMediaType + ' wrong type (415), ' + rejected.wrongMethod + ' not POST (405)'));
}

// ---- the trace list: / ----

function listFilters() {
  const params = new URLSearchParams(location.search);
  return {
    service: params.get('service') || '', name: params.get('name') || '',
    minMs: params.get('minMs') || '', errors: params.get('errors') === 'true',
  };
}

function setListFilters(filters) {
  const params = new URLSearchParams();
  if (filters.service) params.set('service', filters.service);
  if (filters.name) params.set('name', filters.name);
  if (filters.minMs) params.set('minMs', filters.minMs);
  if (filters.errors) params.set('errors', 'true');
  const query = params.toString();
  history.replaceState(null, '', '/' + (query ? '?' + query : ''));
  lastRendered = null;
  refresh();
}

function filterForm(filters, services) {
  const read = () => setListFilters({
    service: document.getElementById('filter-service').value,
    name: document.getElementById('filter-name').value.trim(),
    minMs: document.getElementById('filter-min').value.trim(),
    errors: document.getElementById('filter-errors').checked,
  });
  const choices = Array.from(new Set(services.concat(filters.service ? [filters.service] : [])));
  return el('form', { class: 'filters', onsubmit: (event) => { event.preventDefault(); read(); } },
    el('label', {}, 'Service', el('select', { id: 'filter-service', onchange: read },
      el('option', { value: '' }, 'all'),
      choices.map((service) => el('option', { value: service, selected: service === filters.service }, service)))),
    el('label', {}, 'Span name', el('input', { id: 'filter-name', type: 'search', value: filters.name,
      placeholder: 'contains', onchange: read })),
    el('label', {}, 'Min duration', el('input', { id: 'filter-min', type: 'number', min: '0', step: 'any',
      value: filters.minMs, onchange: read }), 'ms'),
    el('label', {}, el('input', { id: 'filter-errors', type: 'checkbox', checked: filters.errors, onchange: read }),
      'errors only'));
}

async function showList() {
  const filters = listFilters();
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(filters)) if (value) query.set(key, String(value));
  const data = await getJson('/api/traces?' + query);
  renderStatus(data.stats);
  const key = 'list ' + data.version + ' ' + query;
  if (key === lastRendered) return;
  lastRendered = key;
  const longest = Math.max(1, ...data.traces.map((trace) => trace.durationMs));
  const rows = data.traces.map((trace) => el('tr', { class: 'trace-row', 'data-trace-id': trace.traceId },
    el('td', { class: 'mono' }, clock(trace.startEpochMs)),
    el('td', {}, el('span', { class: 'chip', style: 'background:' + serviceColor(trace.rootService) },
      trace.rootService)),
    el('td', {}, el('a', { class: 'trace-link', href: '/trace/' + trace.traceId }, trace.rootName || '(no name)'),
      trace.errors ? el('span', { class: 'err', title: trace.errors + ' spans with error status' },
        ' \u26a0 ' + plural(trace.errors, 'error')) : null),
    el('td', { class: 'dur-cell' }, ms(trace.durationMs),
      el('div', { class: 'dur-bar', style: 'width:' + Math.max(1, 100 * trace.durationMs / longest) + '%' })),
    el('td', { class: 'span-count' }, trace.spanCount),
    el('td', {}, trace.services.map((service) => el('span', { class: 'chip',
      style: 'background:' + serviceColor(service) }, service)))));
  // the form is rebuilt only when the filters or the services change, so that typing in it is never lost
  const formKey = JSON.stringify([filters, data.services]);
  if (!document.getElementById('list-results') || main.dataset.form !== formKey) {
    main.dataset.form = formKey;
    main.replaceChildren(filterForm(filters, data.services), el('div', { id: 'list-results' }));
  }
  document.getElementById('list-results').replaceChildren(
    el('p', { class: 'muted', id: 'matched' }, data.traces.length < data.matched
      ? 'newest ' + data.traces.length + ' of ' + data.matched + ' matching traces'
      : data.matched + (data.matched === 1 ? ' trace' : ' traces') + ', newest first'),
    data.traces.length === 0
      ? el('p', { class: 'hint', id: 'no-traces' }, 'No traces yet. Start an application with '
        + '-javaagent:weft-agent.jar: it exports to http://localhost:4318 by default, where Weft View listens.')
      : el('table', { id: 'traces' },
        el('thead', {}, el('tr', {}, el('th', {}, 'Start'), el('th', {}, 'Root service'), el('th', {}, 'Root span'),
          el('th', {}, 'Duration'), el('th', {}, 'Spans'), el('th', {}, 'Services'))),
        el('tbody', {}, rows)));
}

// ---- one trace: /trace/{traceId} ----

function kvTable(map, cls) {
  const entries = Object.entries(map || {});
  if (entries.length === 0) return el('p', { class: 'muted' }, 'none');
  return el('table', { class: cls }, entries.map(([key, value]) => el('tr', { 'data-key': key },
    el('td', { class: 'mono' }, key),
    el('td', { class: 'mono' }, typeof value === 'string' && value.includes('\n')
      ? el('pre', {}, value) : (typeof value === 'object' ? JSON.stringify(value) : String(value))))));
}

function spanDetails(span) {
  if (!span) return el('aside', { id: 'span-details' }, el('p', { class: 'hint' }, 'Select a span to see its '
    + 'attributes, events, links and resource.'));
  return el('aside', { id: 'span-details', 'data-span-id': span.spanId },
    el('h1', {}, span.name || '(no name)'),
    el('table', { class: 'span-facts' },
      el('tr', {}, el('td', {}, 'service'), el('td', {}, span.service)),
      el('tr', {}, el('td', {}, 'kind'), el('td', {}, span.kind)),
      el('tr', {}, el('td', {}, 'start'), el('td', {}, '+' + ms(span.offsetMs))),
      el('tr', {}, el('td', {}, 'duration'), el('td', {}, ms(span.durationMs))),
      el('tr', {}, el('td', {}, 'status'), el('td', { class: span.error ? 'err' : '' },
        span.error ? 'ERROR' + (span.statusMessage ? ': ' + span.statusMessage : '') : 'ok')),
      el('tr', {}, el('td', {}, 'span id'), el('td', { class: 'mono' }, span.spanId)),
      el('tr', {}, el('td', {}, 'parent'), el('td', { class: 'mono' }, span.parentSpanId || 'none (root)')),
      el('tr', {}, el('td', {}, 'scope'), el('td', { class: 'mono' }, span.scope))),
    el('h2', {}, 'Attributes'), kvTable(span.attributes, 'attributes'),
    el('h2', {}, 'Events'),
    span.events.length === 0 ? el('p', { class: 'muted' }, 'none') : el('div', { id: 'events' },
      span.events.map((event) => el('div', { class: 'event' + (event.name === 'exception' ? ' exception' : '') },
        el('b', {}, event.name), ' at +' + ms(event.offsetMs), kvTable(event.attributes, 'event-attributes')))),
    el('h2', {}, 'Links'),
    span.links.length === 0 ? el('p', { class: 'muted' }, 'none') : el('ul', { id: 'links' },
      span.links.map((link) => el('li', { class: 'link' },
        el('a', { href: '/trace/' + link.traceId + '?span=' + link.spanId, 'data-trace-id': link.traceId },
          'trace ' + link.traceId.substring(0, 12) + '\u2026 span ' + link.spanId),
        link.held ? null : el('span', { class: 'muted' }, ' (not held)'),
        Object.keys(link.attributes).length ? kvTable(link.attributes, 'link-attributes') : null))),
    el('h2', {}, 'Resource'), kvTable(span.resource, 'resource'));
}

async function showTrace(traceId) {
  delete main.dataset.form;
  const trace = await getJson('/api/trace/' + encodeURIComponent(traceId));
  const list = await getJson('/api/traces?limit=0');
  renderStatus(list.stats);
  const selected = new URLSearchParams(location.search).get('span');
  const key = 'trace ' + traceId + ' ' + (trace ? trace.spanCount : 'none') + ' ' + selected;
  if (key === lastRendered) return;
  lastRendered = key;
  if (!trace) {
    main.replaceChildren(el('p', { class: 'hint', id: 'no-trace' }, 'Trace ' + traceId + ' is not held (yet): '
      + 'its spans have not arrived, or it was dropped to keep memory bounded.'));
    return;
  }
  const total = Math.max(trace.durationMs, 0.001);
  const select = (spanId) => {
    history.replaceState(null, '', '/trace/' + traceId + '?span=' + spanId);
    lastRendered = null;
    refresh();
  };
  const ticks = [0, 0.25, 0.5, 0.75, 1].map((f) => el('span', { style: 'left:' + f * 100 + '%'
    + (f === 0 ? ';transform:none' : f === 1 ? ';transform:translateX(-100%)' : '') }, ms(f * total)));
  const rows = trace.spans.map((span) => {
    const left = 100 * span.offsetMs / total;
    const width = Math.max(0.2, 100 * span.durationMs / total);
    return el('div', { class: 'span-row' + (span.error ? ' error' : '') + (span.spanId === selected ? ' selected' : ''),
      'data-span-id': span.spanId, 'data-depth': span.depth, tabindex: '0', onclick: () => select(span.spanId),
      onkeydown: (event) => { if (event.key === 'Enter') select(span.spanId); } },
    el('div', { class: 'label', style: 'padding-left:' + (8 + 16 * Math.min(span.depth, 20)) + 'px',
      title: span.kind + ' ' + span.name + ' (' + span.service + ')' },
    el('span', { class: 'kind' }, span.kind), el('span', { class: 'span-name' }, span.name),
    el('span', { class: 'svc', style: 'color:' + serviceColor(span.service) }, span.service),
    span.error ? el('span', { class: 'err' }, ' \u26a0') : null),
    el('div', { class: 'timeline' },
      el('div', { class: 'bar', style: 'left:' + left + '%;width:' + width + '%;background:'
        + serviceColor(span.service) }),
      el('span', { class: 'dur', style: 'left:' + Math.min(100, left + width) + '%' }, ms(span.durationMs))));
  });
  const span = trace.spans.find((candidate) => candidate.spanId === selected);
  main.replaceChildren(
    el('div', { class: 'trace-head' },
      el('h1', { id: 'trace-title' }, trace.rootService + ': ' + (trace.rootName || '(no name)')),
      el('span', { class: 'mono muted' }, 'trace ' + trace.traceId),
      el('span', {}, clock(trace.startEpochMs)),
      el('span', {}, ms(trace.durationMs)),
      el('span', {}, plural(trace.spanCount, 'span')),
      el('span', {}, trace.services.map((service) => el('span', { class: 'chip',
        style: 'background:' + serviceColor(service) }, service))),
      trace.errors ? el('span', { class: 'err' }, '\u26a0 ' + plural(trace.errors, 'error')) : null),
    el('div', { class: 'layout' },
      el('div', { id: 'waterfall' },
        el('div', { class: 'axis' }, el('div', { class: 'label' }, 'span'), el('div', { class: 'timeline' }, ticks)),
        rows),
      spanDetails(span)));
}

// ---- the request-flow graph: /graph ----

const NODE_W = 210;
const NODE_H = 78;
const COLUMN_GAP = 150;
const ROW_GAP = 26;

function layout(graph) {
  // layered: a node's column is its depth (the graph is a tree per entry point); within a column, nodes follow the
  // row of their caller (the barycenter heuristic), so edges do not cross; the first column by call count
  const columns = [];
  for (const node of graph.nodes) (columns[node.depth] = columns[node.depth] || []).push(node);
  const row = new Map();
  const callers = new Map(graph.nodes.map((node) => [node.id, []]));
  for (const edge of graph.edges) callers.get(edge.to).push(edge.from);
  columns.forEach((column, index) => {
    if (!column) return;
    const mean = (node) => {
      const placed = callers.get(node.id).filter((id) => row.has(id)).map((id) => row.get(id));
      return placed.length ? placed.reduce((a, b) => a + b, 0) / placed.length : Infinity;
    };
    column.sort((a, b) => (index === 0 ? 0 : mean(a) - mean(b)) || b.count - a.count || a.id - b.id);
    column.forEach((node, position) => row.set(node.id, position));
  });
  const position = new Map();
  columns.forEach((column, index) => (column || []).forEach((node, r) =>
    position.set(node.id, { x: 20 + index * (NODE_W + COLUMN_GAP), y: 20 + r * (NODE_H + ROW_GAP) })));
  const width = 40 + columns.length * (NODE_W + COLUMN_GAP) - COLUMN_GAP;
  const height = 40 + Math.max(1, ...columns.map((column) => (column || []).length)) * (NODE_H + ROW_GAP);
  return { position, width, height };
}

function drawGraph(graph) {
  const { position, width, height } = layout(graph);
  const byId = new Map(graph.nodes.map((node) => [node.id, node]));
  const key = (node) => node.service + ' ' + node.name;
  const maxCount = Math.max(1, ...graph.edges.map((edge) => edge.count));
  const root = svg('svg', { id: 'flow-graph', width, height: height + 20, viewBox: '0 0 ' + width + ' ' + (height + 20),
    role: 'img', 'aria-label': 'request-flow graph' });
  root.append(svg('defs', {}, ['arrow', 'arrow-critical'].map((id) => svg('marker', { id, viewBox: '0 0 10 10',
    refX: '10', refY: '5', markerWidth: '9', markerHeight: '9', markerUnits: 'userSpaceOnUse', orient: 'auto' },
  svg('path', { d: 'M0,0 L10,5 L0,10 z', fill: id === 'arrow' ? '#8a94a6' : '#f08c00' })))));
  for (const edge of graph.edges) {
    const from = position.get(edge.from);
    const to = position.get(edge.to);
    const x1 = from.x + NODE_W;
    const y1 = from.y + NODE_H / 2;
    const x2 = to.x;
    const y2 = to.y + NODE_H / 2;
    const forward = x2 > x1;
    const d = forward
      ? 'M' + x1 + ',' + y1 + ' C' + (x1 + COLUMN_GAP / 2) + ',' + y1 + ' ' + (x2 - COLUMN_GAP / 2) + ',' + y2 + ' '
        + x2 + ',' + y2
      : 'M' + x1 + ',' + y1 + ' C' + (x1 + 60) + ',' + (y1 + NODE_H) + ' ' + (x2 - 60) + ',' + (y2 + NODE_H) + ' '
        + x2 + ',' + y2;
    const labelX = forward ? (x1 + x2) / 2 : (x1 + x2) / 2;
    const labelY = forward ? (y1 + y2) / 2 - 6 : Math.max(y1, y2) + NODE_H * 0.8;
    const label = edge.count + '\u00d7  p50 ' + ms(edge.p50Ms);
    root.append(svg('g', { class: 'edge' + (edge.critical ? ' critical' : ''), 'data-from': key(byId.get(edge.from)),
      'data-to': key(byId.get(edge.to)), 'data-count': edge.count },
    svg('title', {}, key(byId.get(edge.from)) + ' \u2192 ' + key(byId.get(edge.to)) + ': ' + edge.count + ' calls, p50 '
      + ms(edge.p50Ms) + ', p99 ' + ms(edge.p99Ms) + ', errors ' + percent(edge.errorRate)),
    svg('path', { d, fill: 'none', stroke: edge.critical ? '#f08c00' : '#8a94a6',
      'stroke-width': (1.2 + 3 * edge.count / maxCount).toFixed(1), 'marker-end': 'url(#' + (edge.critical ? 'arrow-critical' : 'arrow') + ')' }),
    svg('text', { x: labelX, y: labelY, 'text-anchor': 'middle', 'font-size': '11',
      fill: '#475467', stroke: '#fff', 'stroke-width': '3', 'paint-order': 'stroke' },
    label, edge.errorRate > 0 ? svg('tspan', { x: labelX, dy: '13', fill: '#d92d20' },
      'errors ' + percent(edge.errorRate)) : null)));
  }
  for (const node of graph.nodes) {
    const { x, y } = position.get(node.id);
    const color = serviceColor(node.service);
    const name = node.name.length > 27 ? node.name.substring(0, 26) + '\u2026' : node.name;
    root.append(svg('g', { class: 'node' + (node.bottleneck ? ' bottleneck' : '') + (node.critical ? ' critical' : ''),
      'data-node': key(node), 'data-depth': node.depth, 'data-count': node.count, transform: 'translate(' + x + ',' + y + ')' },
    svg('title', {}, key(node) + ' (' + node.kind + '): ' + node.count + ' spans, p50 ' + ms(node.p50Ms) + ', p99 '
      + ms(node.p99Ms) + ', errors ' + percent(node.errorRate) + ', ' + percent(node.selfShare) + ' of all self time'),
    svg('rect', { width: NODE_W, height: NODE_H, rx: '6', fill: '#fff',
      stroke: node.bottleneck ? '#d92d20' : (node.critical ? '#f08c00' : '#c9ced8'),
      'stroke-width': node.bottleneck || node.critical ? '2.5' : '1' }),
    svg('rect', { x: '0', y: NODE_H - 6, width: Math.max(2, NODE_W * node.selfShare), height: '6',
      fill: node.bottleneck ? '#d92d20' : '#f0a030', opacity: '0.8' }),
    svg('rect', { width: '6', height: NODE_H - 6, fill: color }),
    svg('text', { x: '14', y: '17', 'font-size': '11', fill: color, 'font-weight': '600' },
      node.service + '  \u00b7  ' + node.kind),
    svg('text', { x: '14', y: '35', 'font-size': '13', 'font-weight': '700', fill: '#1d2330' }, name),
    svg('text', { x: '14', y: '52', 'font-size': '11', fill: '#475467' },
      node.count + '\u00d7   p50 ' + ms(node.p50Ms) + '   p99 ' + ms(node.p99Ms)),
    svg('text', { x: '14', y: '66', 'font-size': '11', fill: node.errorRate > 0 ? '#d92d20' : '#475467' },
      'errors ' + percent(node.errorRate) + '   self time ' + percent(node.selfShare)),
    node.bottleneck ? svg('text', { x: NODE_W - 4, y: '-5', 'text-anchor': 'end', 'font-size': '10',
      'font-weight': '700', fill: '#d92d20' }, 'BOTTLENECK') : null));
  }
  return root;
}

async function showGraph() {
  delete main.dataset.form;
  const workflow = new URLSearchParams(location.search).get('workflow') || '';
  const graph = await getJson('/api/graph?workflow=' + encodeURIComponent(workflow));
  const list = await getJson('/api/traces?limit=0');
  renderStatus(list.stats);
  const key = 'graph ' + list.version + ' ' + workflow;
  if (key === lastRendered) return;
  lastRendered = key;
  const choose = (event) => {
    const value = event.target.value;
    history.replaceState(null, '', '/graph' + (value ? '?workflow=' + encodeURIComponent(value) : ''));
    lastRendered = null;
    refresh();
  };
  main.replaceChildren(
    el('form', { class: 'filters', onsubmit: (event) => event.preventDefault() },
      el('label', {}, 'Workflow (root service and span)', el('select', { id: 'workflow', onchange: choose },
        el('option', { value: '' }, 'all traces'),
        graph.workflows.map((w) => el('option', { value: w.key, selected: w.key === workflow },
          w.key + ' (' + w.count + ')')))),
      el('span', { class: 'muted', id: 'graph-traces' }, plural(graph.traceCount, 'trace') + ' aggregated')),
    el('p', { class: 'legend' }, el('b', {}, 'Nodes'), ': a service\u2019s operation (span name); calls, p50 and p99 '
      + 'duration, error rate; the bar at the bottom is its share of all self time (time not spent in its '
      + 'children). ', el('b', {}, 'Red'), ': the bottleneck, the most self time. ', el('b', {}, 'Edges'),
    ': calls from parent to child span, with the child\u2019s p50; an operation reached by two call paths is '
      + 'two nodes. ', el('b', {}, 'Orange'), ': the critical '
      + 'path, following the costliest call from the most frequent entry point.'),
    graph.nodes.length === 0 ? el('p', { class: 'hint', id: 'no-graph' }, 'No traces yet.')
      : el('div', { class: 'graph-box' }, drawGraph(graph)));
}

// ---- routing and live update ----

async function refresh() {
  const path = location.pathname;
  document.getElementById('nav-traces').classList.toggle('active', path === '/');
  document.getElementById('nav-graph').classList.toggle('active', path === '/graph');
  try {
    if (path.startsWith('/trace/')) await showTrace(decodeURIComponent(path.substring('/trace/'.length)));
    else if (path === '/graph') await showGraph();
    else await showList();
  } catch (error) {
    document.getElementById('status').textContent = 'Weft View is not answering: ' + error.message;
    lastRendered = null;
  }
}

refresh();
setInterval(refresh, POLL_MS);
