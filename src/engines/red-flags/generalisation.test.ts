import { describe, expect, it } from 'vitest';
import { normalizeText } from './normalize-text.js';
import { screenMessage } from './screen-message.js';

/**
 * Wording the engine must generalise to (issue 23 item 1): written while restructuring the engine
 * into normalised text and composed findings, none of it in the evaluation sets. Each positive
 * failed on the engine before that change (commit 95bac6f); the negatives are look-alikes the
 * wider classes must not turn into alarms.
 */

const POSITIVES: [string, string][] = [
  ['胸口跟压了个磨盘似的，左肩膀酸得抬不起来', 'cardiac-chest-pain'],
  ['老爸说心脏那块像被人攥住一样，手都是凉的，汗把衣服都湿透了', 'cardiac-chest-pain'],
  ['pain in chest like someone standing on me, goes into both arms, sweatin n dizzy', 'cardiac-chest-pain'],
  ['heavy feeling in chest, nauseous and dizzy for 40 mins', 'cardiac-chest-pain'],
  ['他突然讲话讲唔清楚，右边手脚冇力', 'stroke-signs'],
  ['老公突然一条腿拖着走，胳膊也抬不起来', 'stroke-signs'],
  ['suddenly cant feel my left arm or leg', 'stroke-signs'],
  ['suddenly lost vision in one eye', 'stroke-signs'],
  ['头痛得跟被人用砖头拍了一样，一下子就来了', 'thunderclap-headache'],
  ['headache hit me out of nowhere like lightning, peaked in seconds', 'thunderclap-headache'],
  ['took amoxicillin and now covered in hives and wheezing', 'anaphylaxis'],
  ['发烧38.8，浑身发抖，头晕，血压量着85/50', 'sepsis-signs'],
  ['im on chemo, temp 38.7 and shivering', 'sepsis-signs'],
  ['孩子发烧，身上出了好多紫红色小点点', 'meningitis-signs'],
  ['月经推迟了两周，右下腹突然剧痛，头晕', 'pregnancy-warning'],
  ['missed my period, stabbing pelvic pain and shoulder tip pain', 'pregnancy-warning'],
  ['sudden sharp chest pain when i breathe in and coughing blood', 'pulmonary-embolism'],
  ['excrutiating pain in chest n back came out of nowhere like being split in two', 'aortic-dissection'],
  ['我爸有肝硬化，刚才吐雪吐了半盆', 'severe-bleeding'],
  ['the fitting stopped for a second then started again, hes been like this for twelve minutes', 'status-epilepticus'],
  ['bg 520 mg/dl, throwing up, cant keep water down', 'diabetic-ketoacidosis'],
  ['got hit with a bottle on the head, clear fluid dripping from my nose', 'head-injury'],
  ['asthma attack, used my inhaler like 10 times no help', 'severe-breathing'],
  ['透唔到气，讲一句要停三次，口唇都紫咗', 'severe-breathing'],
  ['我把这些年攒的安眠药都准备好了，今晚就不想再醒过来了', 'suicidal-ideation'],
  ['ive saved up all my pills and tonight im taking them all', 'suicidal-ideation'],
  ['kms', 'suicidal-ideation'],
  ['六个礼拜大嘅BB发烧38.8度', 'infant-fever'],
  ['my baby is nine weeks, temperature thirty eight point seven', 'infant-fever'],
  ['宝宝刚一个半月，显示101.8°F', 'infant-fever'],
  ['頭突然痛得要爆炸，說話不清楚', 'stroke-signs'],
  ['胸口好悶，一直冒冷汗', 'cardiac-chest-pain'],
  ['cant breath, chesst pain and sweeting', 'cardiac-chest-pain'],
  ['pain in my left arm and jaw, cold sweat, feel sick', 'cardiac-chest-pain'],
  ['他突然走路像喝醉了一样，一边倒，还吐了', 'stroke-signs'],
  // A report followed by a question still fires; only a question that leads up to the sign does not.
  ['胸口疼出冷汗是不是心梗？', 'cardiac-chest-pain'],
  ["my chest is crushing and i'm sweating is this a heart attack?", 'cardiac-chest-pain'],
  // "Always"/"一直" do not make an acute sign long-standing.
  ['孩子抽搐，一直这样抽了十分钟', 'status-epilepticus'],
  ["i've always been healthy but now i have crushing chest pain and sweating", 'cardiac-chest-pain'],
  // A condition ("if", "要是") that is a report, not a question about a supposition.
  ['要是一动就喘不上气', 'severe-breathing'],
  ['if i walk a few steps i cant breathe', 'severe-breathing'],
  ['头疼欲裂，呕吐，突发', 'thunderclap-headache'],
  ['刚才吃安眠药吃了一大把', 'suicidal-ideation'],
  ['my sugar reading says LO and i feel weird and shaky', 'severe-hypoglycaemia'],
  ['SOB at rest, lips blue', 'severe-breathing'],
  ['我被狗咬了之后脸和嘴唇肿起来，喘气困难', 'anaphylaxis'],
  ['我弟弟癫痫，刚才发作到现在快十分钟了还在抽', 'status-epilepticus'],
  ['my brother has epilepsy, this fit has been going on nearly 10 minutes', 'status-epilepticus'],
  ['我吐了一大碗暗红色的血，以前有胃溃疡', 'severe-bleeding'],
  ['threw up a big bowl of dark red blood, history of stomach ulcer', 'severe-bleeding'],
  ['my daughter locked herself in her room saying she doesnt want to live', 'suicidal-ideation'],
  ['喘不上气，休息了也不见好，嘴唇发紫', 'severe-breathing'],
  ['摔倒后头疼越来越重，还一直吐', 'head-injury'],
  ['我突然看东西一个变两个，走路打晃', 'stroke-signs'],
  ['胸口好像有人坐在上面，气都喘不匀', 'cardiac-chest-pain'],
  ['刚生下来二十多天的宝宝烧到38度多', 'infant-fever'],
  ['i have been thinking about taking all my pills tonight', 'suicidal-ideation'],
  ['胸口同，出汉，喘不上起', 'cardiac-chest-pain'],
  ['头通得要命，突然的', 'thunderclap-headache'],
  ['6wk preg, severe pain, bleeding', 'pregnancy-warning'],
  // The emergency named as a present worry
  ['i think my dad is having a stroke', 'stroke-signs'],
  ["i'm scared i'm having a heart attack", 'cardiac-chest-pain'],
  ['怀疑是中风了', 'stroke-signs'],
  ['我觉得是宫外孕，肚子好痛', 'pregnancy-warning'],
  ['胸口像火烧一样，还出冷汗', 'cardiac-chest-pain'],
  ['孩子高烧不退，手脚冰凉，皮肤上有花纹', 'sepsis-signs'],
  ['my son has fever and a rash i can still see through a glass', 'meningitis-signs'],
  ['so out of breath, lips and nails purple', 'severe-breathing'],
  ['打完青霉素不到五分钟，人就瘫在地上，嘴唇发紫', 'anaphylaxis'],
  ['注射造影剂后全身红，血压下降，人要晕了', 'anaphylaxis'],
  ['大便像黑芝麻糊一样，人头晕乏力', 'severe-bleeding'],
  ['我觉得我快死了，胸口疼得厉害', 'cardiac-chest-pain'],
  ['mum says she feels awful in her chest, pale, sweaty forehead', 'cardiac-chest-pain'],
  ['fever, rigors, bp under 90', 'sepsis-signs'],
  ['my kid has a fever and patches of purple on her legs', 'meningitis-signs'],
  ['had a fit, didnt wake up, then another fit', 'status-epilepticus'],
  ['i dont want to go on living', 'suicidal-ideation'],
  ['心脏部位绞痛半小时，含硝酸甘油没用', 'cardiac-chest-pain'],
  ['angina pain 30 mins, gtn spray not working', 'cardiac-chest-pain'],
  ['解了很多黑色稀便，心慌出冷汗', 'severe-bleeding'],
  ['呼吸很急很费力，说话断断续续', 'severe-breathing'],
  ['breathing fast and hard, can only get a few words out', 'severe-breathing'],
  ['2 months without a period, vaginal bleeding and severe belly pain', 'pregnancy-warning'],
  ['我感觉心脏被人捏住了，出冷汗', 'cardiac-chest-pain'],
  ['feels like my heart is being squeezed, cold sweat', 'cardiac-chest-pain'],
  ['突然眼前一黑，右半边看不见了', 'stroke-signs'],
  ['half my body is tingling and my speech is off', 'stroke-signs'],
  ['腿肿了一周，今天突然咳血', 'pulmonary-embolism'],
  ['头被撞后一直喊头疼，越来越想睡', 'head-injury'],
  ['headache like my head is splitting open, stiff neck', 'thunderclap-headache'],
  ['high fever, shaking, not with it', 'sepsis-signs'],
  ['2 months pregnant, soaking pads with blood', 'pregnancy-warning'],
  ['want to slit my wrists', 'suicidal-ideation'],
  ['吃了一把安眠药', 'suicidal-ideation'],
  ['swallowed a handful of sleeping pills', 'suicidal-ideation'],
];

const NEGATIVES: string[] = [
  '中风是什么感觉？会不会突然说不出话？',
  'is it normal for my face to look a bit uneven in photos? no weakness or numbness',
  '如果突然说话不清楚应该怎么办？',
  '这关游戏太难了，我想死的心都有了，哈哈',
  '想你们想死了，下个月就回家',
  '我没有想伤害自己，就是最近压力大睡不好',
  '看账单看得吐血',
  '工作累得快吐血了',
  '最近熬夜，胸口有点闷，心慌',
  '月经量多，有血块，每次都这样',
  'had a febrile convulsion as a toddler, none since',
  'my 3 year old has a fever of 38.5 but is playing happily',
  'i weigh 39.5 kg',
  'heartburn after spicy food and feel a bit sick',
  'my dad had a stroke 5 years ago, doing well now',
  '蹲久了站起来头晕了一下，马上就好了',
  '胃不舒服，有点恶心，胸口也有点烧心，吃了药好了',
  '朋友说我嘴有点歪，其实从小就这样',
  'my smile has always been a bit crooked',
  '牙疼得厉害，半边脸都肿了',
  '唱歌唱得嗓子哑了',
  'sore throat and my voice is hoarse from singing',
  '朋友说尴尬得想死',
  'had a coughing fit for 10 minutes',
  '跑步跑得喘不上气，歇一会儿就好',
  'what is anaphylaxis?',
  '高血压吃药后头晕了一下',
  '心绞痛发作，含了硝酸甘油就好了',
  'heartbroken after the breakup, chest feels heavy with sadness',
  '我怕得中风，想问怎么预防',
  '我爸十年前心梗放过支架，现在挺好的',
  '我妈心绞痛发作，持续十分钟，含了药就好了',
  '我家狗昨天抽搐了，怎么办',
  'my dog had a seizure yesterday, what should i do',
];

describe('red flags generalise beyond the phrases they were tuned on', () => {
  it.each(POSITIVES)('%s → %s', (text, rule) => {
    expect(screenMessage(text).rules).toContain(rule);
  });

  it.each(NEGATIVES)('%s → nothing', (text) => {
    expect(screenMessage(text).rules).toEqual([]);
  });

  it('normalises text-speak, dialect, pinyin slips, number words and temperature units', () => {
    expect(normalizeText('sweatin n dizzy, cant breathe, im ok')).toBe("sweating and dizzy, can't breathe, i'm ok");
    expect(normalizeText('temperature thirty eight point seven')).toBe('temperature 38.7');
    expect(normalizeText('体温三十九度五')).toBe('体温39.5度');
    expect(normalizeText('量了38度7')).toBe('量了38.7度');
    expect(normalizeText('讲唔清楚，冇力')).toBe('说不清楚,没力');
    expect(normalizeText('胸口门得慌，吐雪')).toBe('胸口闷得慌,吐血');
    expect(normalizeText('胸口同，出汉，喘不上起')).toBe('胸口痛,出汗,喘不上气');
    expect(normalizeText('頭痛，說話不清楚')).toBe('头痛,说话不清楚');
    expect(normalizeText('39.5c')).toBe('39.5°c');
    expect(normalizeText('102 f')).toBe('102°f');
  });
});
