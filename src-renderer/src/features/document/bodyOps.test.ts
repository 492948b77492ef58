import { describe, expect, it } from 'vitest';
import { blankBody } from './blank.ts';
import { addParagraph, addPhoto, addSection, insertBlockParagraph, moveParagraph, moveSection, removeParagraph, removeSection, updateSection } from './bodyOps.ts';
import { getFieldText, insertIntoField, setFieldText } from './fields.ts';

const SHA = 'a'.repeat(64);

function threeSections() {
  let b = blankBody('楚雄高新区', new Date(2023, 7, 15));
  for (let i = 0; i < 3; i++) {
    b = addSection(b);
    b = updateSection(b, i, { heading: `节${i}` });
  }
  return b;
}

describe('a chart block inserted as a paragraph of its own', () => {
  const block = '{图表：地区生产总值}';
  it('goes after the paragraph last edited, or into it when it is empty', () => {
    let b = threeSections();
    b = setFieldText(b, { field: 'paragraph', section: 1, paragraph: 0 }, '正文');
    const after = insertBlockParagraph(b, { field: 'paragraph', section: 1, paragraph: 0 }, block);
    expect(after.body.sections[1]!.paragraphs).toEqual(['正文', block]);
    expect(after.at).toEqual({ field: 'paragraph', section: 1, paragraph: 1 });
    const into = insertBlockParagraph(b, { field: 'lead', paragraph: 0 }, block);
    expect(into.body.lead).toEqual([block]);
    expect(into.at).toEqual({ field: 'lead', paragraph: 0 });
  });

  it("at a section's heading it opens the section; from the title it ends the lead", () => {
    let b = threeSections();
    b = setFieldText(b, { field: 'lead', paragraph: 0 }, '导语');
    b = setFieldText(b, { field: 'paragraph', section: 2, paragraph: 0 }, '正文');
    expect(insertBlockParagraph(b, { field: 'heading', section: 2 }, block).body.sections[2]!.paragraphs).toEqual([block, '正文']);
    expect(insertBlockParagraph(b, { field: 'title' }, block).body.lead).toEqual(['导语', block]);
  });
});

describe('document body edits', () => {
  it('starts blank with magazine and bulletin defaults from the park name', () => {
    const b = blankBody('楚雄高新区', new Date(2023, 7, 15));
    expect(b.lead).toEqual(['']);
    expect(b.sections).toEqual([]);
    expect(b.magazine).toEqual({ columnZh: '园区风采', columnEn: 'Charm of Industrial Park', firstPage: 1, issue: '2023.08' });
    expect(b.bulletin.name).toBe('楚雄高新区工作简报');
    expect(b.bulletin.date).toBe('2023年8月15日');
  });

  it('adds, moves and removes paragraphs of the lead and of a section', () => {
    let b = threeSections();
    b = setFieldText(b, { field: 'lead', paragraph: 0 }, '甲');
    b = addParagraph(b, -1);
    b = setFieldText(b, { field: 'lead', paragraph: 1 }, '乙');
    b = moveParagraph(b, -1, 1, -1);
    expect(b.lead).toEqual(['乙', '甲']);
    b = removeParagraph(b, -1, 0);
    expect(b.lead).toEqual(['甲']);
    b = addParagraph(b, 1, 0);
    expect(b.sections[1]!.paragraphs).toEqual(['', '']);
    expect(moveParagraph(b, 1, 1, 1).sections[1]!.paragraphs).toHaveLength(2); // out of range: unchanged
  });

  it('keeps photos with their section when sections move or go', () => {
    let b = threeSections();
    b = addPhoto(b, SHA, 1);
    expect(b.photos[0]!.afterSection).toBe(1);
    b = moveSection(b, 1, -1);
    expect(b.sections.map((s) => s.heading)).toEqual(['节1', '节0', '节2']);
    expect(b.photos[0]!.afterSection).toBe(0);
    b = addSection(b, -1); // a new first section
    expect(b.photos[0]!.afterSection).toBe(1);
    b = removeSection(b, 1);
    expect(b.photos[0]!.afterSection).toBe(0);
    b = removeSection(b, 0);
    expect(b.photos[0]!.afterSection).toBe(-1);
  });

  it('inserts at the caret and reports where the caret goes', () => {
    let b = blankBody('楚雄高新区');
    b = setFieldText(b, { field: 'lead', paragraph: 0 }, '全区实现。');
    const r = insertIntoField(b, { field: 'lead', paragraph: 0 }, '{地区生产总值}', 4, 4)!;
    expect(getFieldText(r.body, { field: 'lead', paragraph: 0 })).toBe('全区实现{地区生产总值}。');
    expect(r.caret).toBe(4 + '{地区生产总值}'.length);
    expect(insertIntoField(b, { field: 'paragraph', section: 3, paragraph: 0 }, 'x')).toBeNull();
  });
});
