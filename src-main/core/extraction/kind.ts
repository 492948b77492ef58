// Actual or target. A target is announced by a word of intent before the figure in its sentence —
// 目标, 力争, 计划, 预期, 确保, 争取, 拟, 打造 — or by a section whose heading says the section is
// about aims (目标, 展望, 下一步, 计划). 预计 is an estimate of what happened (预计全年 is the year's
// actual). Some of those words are also part of a noun, and then announce nothing: 计划总投资 (a
// project's planned investment), 目标任务 and 完成年度目标的112% (an actual share of a target).

const INTENT = /目标|力争|计划|预期|确保|争取|拟|打造/gu;
const NOUN_USES = [/^计划(?:总)?投资/u, /^(?:目标|计划)(?:任务|和|与|、|表|书|方案|管理|责任|考核)/u];
/** 完成年度目标的112%, 超额完成全年计划: a target reached is the object of what was done, an actual share. */
const ACHIEVED = /(?:完成|实现|超额完成|超|达到)(?:了)?(?:全年|年度|年初|既定)?$/u;
const AIM_HEADING = /目标|展望|下一步|计划|任务|打算/u;

/**
 * Is a figure announced as a target by its sentence's text before it (`head`)? Words inside quotation
 * marks name something (“千人计划”) and announce nothing.
 */
export function intentBefore(head: string, quotedAt: (i: number) => boolean): boolean {
  for (const m of head.matchAll(INTENT)) {
    const rest = head.slice(m.index);
    if (NOUN_USES.some((re) => re.test(rest)) || ACHIEVED.test(head.slice(0, m.index)) || quotedAt(m.index)) continue;
    return true;
  }
  return false;
}

/** A heading that makes its section's figures targets. */
export function aimHeading(heading: string): boolean {
  return AIM_HEADING.test(heading);
}
