import * as z from 'zod';

/**
 * Other ways Chinese chapters write a glossary term, by entry id, for forms that are neither the
 * Chinese heading's term nor the English one: Chinese puts the count first (一对 veth, not veth 对),
 * names the two drivers one at a time, says 发夹 NAT as well as 发夹模式, and keeps the
 * English Pod CIDR beside Pod 网段. Each alias links
 * to its entry like the term itself, once per page.
 */
export const ALIASES_FILE = 'src/features/glossary/aliases.ts';

const aliasesSchema = z.record(z.string().regex(/^[a-z0-9-]+$/, 'an entry id'), z.array(z.string().min(2)).min(1));

export type Aliases = z.infer<typeof aliasesSchema>;

export const zhAliases: Aliases = aliasesSchema.parse({
  veth: ['veth'],
  'macvlan-ipvlan': ['macvlan', 'ipvlan'],
  hairpin: ['发夹'],
  'pod-cidr': ['Pod CIDR'],
});
