// Progress on stderr (never mixed into --json output): a one-line bar on a terminal; elsewhere (a log file, a
// pipe, a scheduled job) plain lines, one per tenth of the files and one per slow step, when asked for.

export type Progress = {
  active: boolean;
  update: (done: number, total: number, label: string) => void;
  /** A slow step after reading (雷同, sums, writing): its own line. */
  phase: (text: string) => void;
  done: () => void;
};

export function stderrProgressBar(stream: NodeJS.WriteStream = process.stderr, options: { plainLines?: boolean } = {}): Progress {
  const tty = stream.isTTY === true;
  const plain = !tty && options.plainLines === true;
  let last = 0;
  let lastTenth = -1;
  return {
    active: tty || plain,
    update(done, total, label) {
      if (plain) {
        // A tenth at a time: a log of 3,000 files gets eleven lines.
        const tenth = total === 0 ? 10 : Math.floor((done / total) * 10);
        if (tenth === lastTenth) return;
        lastTenth = tenth;
        stream.write(`已读取 ${done}/${total} 个文件\n`);
        return;
      }
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
    phase(text) {
      if (plain) stream.write(`${text}\n`);
      else if (tty) stream.write(`\r${text}\x1b[K`);
    },
    done() {
      if (tty) stream.write('\r\x1b[K');
    },
  };
}
