/**
 * The SVG baseline: one element per node (circle + label) and per edge (line + arrow marker), one
 * transformed <g> for pan and zoom — how Grafana's Node Graph draws.
 */
const NS = 'http://www.w3.org/2000/svg';

export function svgScene(
  host: HTMLElement,
  xy: Float32Array,
  sources: Int32Array,
  targets: Int32Array,
  titles: string[],
  w: number,
  h: number
) {
  host.textContent = '';
  const svg = document.createElementNS(NS, 'svg');
  svg.setAttribute('width', String(w));
  svg.setAttribute('height', String(h));
  svg.innerHTML =
    '<defs><marker id="arrow" viewBox="0 0 10 10" refX="10" refY="5" markerWidth="6" markerHeight="6" orient="auto"><path d="M0,0L10,5L0,10z" fill="#999"/></marker></defs>';
  const g = document.createElementNS(NS, 'g');
  svg.appendChild(g);
  for (let k = 0; k < sources.length; k++) {
    const l = document.createElementNS(NS, 'line');
    l.setAttribute('x1', String(xy[2 * sources[k]]));
    l.setAttribute('y1', String(xy[2 * sources[k] + 1]));
    l.setAttribute('x2', String(xy[2 * targets[k]]));
    l.setAttribute('y2', String(xy[2 * targets[k] + 1]));
    l.setAttribute('stroke', '#999');
    l.setAttribute('stroke-width', '1');
    l.setAttribute('marker-end', 'url(#arrow)');
    g.appendChild(l);
  }
  for (let i = 0; i < xy.length / 2; i++) {
    const c = document.createElementNS(NS, 'circle');
    c.setAttribute('cx', String(xy[2 * i]));
    c.setAttribute('cy', String(xy[2 * i + 1]));
    c.setAttribute('r', '10');
    c.setAttribute('fill', '#5794F2');
    g.appendChild(c);
    const t = document.createElementNS(NS, 'text');
    t.setAttribute('x', String(xy[2 * i]));
    t.setAttribute('y', String(xy[2 * i + 1] + 24));
    t.setAttribute('text-anchor', 'middle');
    t.setAttribute('font-size', '12');
    t.textContent = titles[i];
    g.appendChild(t);
  }
  host.appendChild(svg);
  return (v: { x: number; y: number; k: number }) =>
    g.setAttribute('transform', `translate(${v.x},${v.y}) scale(${v.k})`);
}
