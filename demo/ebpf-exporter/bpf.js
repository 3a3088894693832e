// The bpftrace program: TCP sockets of the watched ports, bytes sent and retransmits per socket.
// bpftrace 0.17 mishandles tuple map values, so every map is keyed by the socket address alone
// and connection details travel as printed lines.

/** @param {number[]} ports */
function bpfProgram(ports, flushMs = 1000) {
  if (ports.length === 0 || !ports.every((p) => Number.isInteger(p) && p > 0 && p < 65536)) {
    throw new Error(`ports must be TCP port numbers, got ${JSON.stringify(ports)}`);
  }
  const watched = ports.map((p) => `args->sport == ${p} || args->dport == ${p}`).join(' || ');
  return `
tracepoint:sock:inet_sock_set_state
/args->protocol == 6 && args->family == 2 && (${watched})/
{
  $sk = (uint64)args->skaddr;
  if (args->newstate == 2) {
    printf("P %llu %d\\n", $sk, pid);
  }
  if (args->newstate == 1) {
    @tracked[$sk] = 1;
    printf("E %llu %s %d %s %d %d\\n", $sk, ntop(args->saddr), args->sport, ntop(args->daddr), args->dport, pid);
  }
  if (args->newstate == 7 && @tracked[$sk]) {
    delete(@tracked[$sk]);
    printf("C %llu\\n", $sk);
  }
}
tracepoint:sock:sock_send_length /args->ret > 0 && @tracked[(uint64)args->sk]/ { @tx[(uint64)args->sk] = sum(args->ret); }
tracepoint:tcp:tcp_retransmit_skb /@tracked[(uint64)args->skaddr]/ { @rt[(uint64)args->skaddr] = count(); }
interval:ms:${flushMs} { print(@tx); clear(@tx); print(@rt); clear(@rt); printf("T\\n"); }
END { clear(@tracked); clear(@tx); clear(@rt); }
`;
}

module.exports = { bpfProgram };
