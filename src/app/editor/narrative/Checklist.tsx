import type { PartDef } from '../../../../templates';
import { blocksText, coveredTopics } from '../../../core/narrative-numbers';
import type { Block } from '../../../core/report';

const CHINESE_NUMBERS = ['一', '二', '三', '四', '五', '六', '七', '八'];

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
      {part.id === '一' && (
        <button
          type="button"
          className="button button-quiet"
          onClick={() => onAddHeadings(topics.map(({ item }, i) => `（${CHINESE_NUMBERS[i]}）${item.text}`))}
          disabled={blocks.some((b) => b.type === 'heading')}
        >
          按五个方面添加小标题
        </button>
      )}
    </aside>
  );
}
