import type { PartDef } from '../../../../templates';
import { blocksText, coveredTopics } from '../../../core/narrative-numbers';
import { chineseNumeral } from '../../../core/chinese-numerals';
import type { Block } from '../../../core/report';

/** What the format asks the part to cover, ticked off as the text mentions it. */
export function Checklist({ part, blocks, onAddHeadings }: { part: PartDef; blocks: readonly Block[]; onAddHeadings: (texts: string[]) => void }) {
  const topics = coveredTopics(part, blocksText(blocks));
  return (
    <aside className="checklist" aria-label="本部分应写的内容">
      <h2>本部分应写到</h2>
      <ul>
        {topics.map(({ item, covered }) => {
          return (
            <li key={item.text} className={covered ? 'covered' : undefined}>
              <span aria-hidden="true">{covered ? '✓' : '○'}</span> {item.text}
              {covered && <span className="visually-hidden">（已写到）</span>}
            </li>
          );
        })}
      </ul>
      {part.checklistHeadings && (
        <button
          type="button"
          className="button button-quiet"
          onClick={() => onAddHeadings(topics.map(({ item }, i) => `（${chineseNumeral(i + 1)}）${item.text}`))}
          disabled={blocks.some((b) => b.type === 'heading')}
        >
          按{chineseNumeral(topics.length)}个方面添加小标题
        </button>
      )}
    </aside>
  );
}
