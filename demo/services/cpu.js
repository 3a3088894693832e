// A CPU fault that a single-threaded service really feels: the event loop is busy most of each
// slice, so requests queue behind the burn (like a noisy neighbour or a hot loop), yet it never
// blocks so long that the process stops answering altogether.
const BUSY_MS = 45;
const IDLE_MS = 5;
let burnUntil = 0;

function burnCpu(seconds) {
  const wasIdle = burnUntil <= Date.now();
  burnUntil = Date.now() + seconds * 1000;
  if (wasIdle && seconds > 0) {
    slice();
  }
}

function slice() {
  const stop = Math.min(Date.now() + BUSY_MS, burnUntil);
  let x = 0;
  while (Date.now() < stop) {
    x += Math.sqrt(x + 1);
  }
  if (Date.now() < burnUntil) {
    setTimeout(slice, IDLE_MS);
  }
}

module.exports = { burnCpu };
