/**
 * How an article's title reads where articles are listed. A title that only names the kind of
 * document — "政府工作报告" filed in the column 政府工作报告 — gets its year in front, or a list of
 * reports shows the same words again and again beside "2018年政府工作报告". Titles that already
 * carry a year, or say more than the column, read as they are.
 */
export function listedTitle(data: { title: string; column?: string; year?: number }): string {
  const generic = data.column !== undefined && data.title === data.column;
  return generic && data.year !== undefined && !/\d{4}/.test(data.title)
    ? `${data.year}年${data.title}`
    : data.title;
}
