// Hands items from a producer to a consumer one at a time, in order: the producer's `put` waits
// until the consumer has taken the item, so that no more than one waits between them.
export class Handoff<T> {
  private readonly items: { item: T; taken: () => void }[] = [];
  private readonly takers: ((item: T) => void)[] = [];

  put(item: T): Promise<void> {
    return new Promise(taken => {
      const taker = this.takers.shift();
      if (taker) {
        taker(item);
        taken();
      } else this.items.push({ item, taken });
    });
  }

  take(): Promise<T> {
    const next = this.items.shift();
    if (next) {
      next.taken();
      return Promise.resolve(next.item);
    }
    return new Promise(resolve => this.takers.push(resolve));
  }
}
