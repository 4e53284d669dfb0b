// A one-line progress bar on stderr, only when stderr is a terminal (never mixed into --json output).

export type Progress = { active: boolean; update: (done: number, total: number, label: string) => void; done: () => void };

export function stderrProgressBar(stream: NodeJS.WriteStream = process.stderr): Progress {
  const tty = stream.isTTY === true;
  let last = 0;
  return {
    active: tty,
    update(done, total, label) {
      if (!tty) return;
      // Redrawing for every one of thousands of small files would cost more than reading them.
      const now = Date.now();
      if (done !== 0 && done !== total && now - last < 100) return;
      last = now;
      const width = 30;
      const filled = Math.round((done / total) * width);
      const name = label.length > 40 ? `…${label.slice(-39)}` : label;
      stream.write(`\r[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${done}/${total} ${name}\x1b[K`);
    },
    done() {
      if (tty) stream.write('\r\x1b[K');
    },
  };
}
