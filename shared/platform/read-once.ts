/**
 * A store whose every method answers each distinct call once: the first call's promise is kept
 * (by the method's name and its arguments as JSON) and handed to every later call alike. For
 * work that reads the same records through several loaders at one moment (a consortium's public
 * documents read its pools, grants and tenders for the page and again for each feed), so the
 * table is asked once. Only for reads, and only for as long as one such piece of work lasts: a
 * write through it, or a read meant to see a later write, would be answered from the past.
 */
export function readOnce<T extends object>(store: T): T {
  const answered = new Map<string, unknown>();
  return new Proxy(store, {
    get(target, name, receiver) {
      const member = Reflect.get(target, name, receiver);
      if (typeof member !== 'function') return member;
      return (...args: unknown[]) => {
        const key = `${String(name)}\u0000${JSON.stringify(args)}`;
        if (!answered.has(key)) answered.set(key, member.apply(target, args));
        return answered.get(key);
      };
    },
  });
}
