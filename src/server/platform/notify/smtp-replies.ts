/** One SMTP reply: its code and the text of each line (multi-line replies: "250-…" then "250 …"). */
export interface SmtpReply {
  code: number;
  lines: string[];
}

/**
 * Splits the bytes a server sends into replies (RFC 5321 §4.2: lines end in CRLF; a reply
 * continues while the code is followed by "-"), and hands them out in order.
 */
export class SmtpReplies {
  #buffer = '';
  #lines: string[] = [];
  #ready: SmtpReply[] = [];
  #waiter: { resolve: (r: SmtpReply) => void; reject: (e: Error) => void } | undefined;
  #error: Error | undefined;

  feed(chunk: Buffer): void {
    this.#buffer += chunk.toString('utf8');
    for (let i = this.#buffer.indexOf('\r\n'); i >= 0; i = this.#buffer.indexOf('\r\n')) {
      const line = this.#buffer.slice(0, i);
      this.#buffer = this.#buffer.slice(i + 2);
      this.#lines.push(line.slice(4));
      if (!/^\d{3}-/.test(line)) {
        this.#push({ code: Number.parseInt(line.slice(0, 3), 10) || 0, lines: this.#lines });
        this.#lines = [];
      }
    }
  }

  fail(err: Error): void {
    this.#error ??= err;
    const w = this.#waiter;
    this.#waiter = undefined;
    w?.reject(err);
  }

  next(): Promise<SmtpReply> {
    const r = this.#ready.shift();
    if (r) return Promise.resolve(r);
    if (this.#error) return Promise.reject(this.#error);
    return new Promise((resolve, reject) => {
      this.#waiter = { resolve, reject };
    });
  }

  #push(reply: SmtpReply): void {
    const w = this.#waiter;
    if (w) {
      this.#waiter = undefined;
      w.resolve(reply);
    } else {
      this.#ready.push(reply);
    }
  }
}
