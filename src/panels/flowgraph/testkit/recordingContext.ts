/**
 * jsdom has no canvas: this records the calls drawScene makes so tests can check what was drawn
 * (how many arcs, which texts) without a browser. Browser tests cover real pixels.
 */
export function recordingContext() {
  const calls: Array<{ op: string; args: unknown[] }> = [];
  const rec =
    (op: string) =>
    (...args: unknown[]) => {
      calls.push({ op, args });
    };
  const ctx = {
    calls,
    globalAlpha: 1,
    strokeStyle: '',
    fillStyle: '',
    lineWidth: 1,
    font: '',
    textAlign: '',
    textBaseline: '',
    clearRect: rec('clearRect'),
    beginPath: rec('beginPath'),
    moveTo: rec('moveTo'),
    lineTo: rec('lineTo'),
    arc: rec('arc'),
    rect: rec('rect'),
    closePath: rec('closePath'),
    fill: rec('fill'),
    stroke: rec('stroke'),
    fillRect: rec('fillRect'),
    strokeRect: rec('strokeRect'),
    fillText: rec('fillText'),
    strokeText: rec('strokeText'),
    setLineDash: rec('setLineDash'),
    setTransform: rec('setTransform'),
    drawImage: rec('drawImage'),
    count: (op: string) => calls.filter((c) => c.op === op).length,
    texts: () => calls.filter((c) => c.op === 'fillText').map((c) => String(c.args[0])),
  };
  return ctx;
}
