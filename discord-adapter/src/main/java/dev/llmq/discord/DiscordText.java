package dev.llmq.discord;

import dev.llmq.core.i18n.Lang;
import dev.llmq.core.i18n.Text;

/** Discord-only UI text, in English and Chinese: slash command and option descriptions, and what only Discord says. */
enum DiscordText implements Text {
    CMD_LLMQ("Ask an LLM interview question on a topic", "按主题出一道大模型面试题"),
    CMD_TOPICS("List the topics of the question bank", "列出题库的所有主题"),
    CMD_HELP("How to use llmq", "llmq 使用说明"),
    CMD_DAILY("The daily question of a channel", "频道的每日一题"),
    CMD_DAILY_SET("Set a channel's daily question (Manage Server)", "设置频道的每日一题（需要管理服务器权限）"),
    CMD_DAILY_OFF("Stop a channel's daily question (Manage Server)", "关闭频道的每日一题（需要管理服务器权限）"),
    CMD_DAILY_STATUS("Show this server's daily questions", "查看本服务器的每日一题"),
    CMD_DAILY_NOW("Post today's question now (Manage Server)", "立即发布今天的题目（需要管理服务器权限）"),
    CMD_REVIEW("Review your due questions, privately", "私下复习你到期的题目"),
    CMD_SETTINGS("Your settings, or the server's", "你的设置或服务器设置"),
    CMD_SETTINGS_ME("Show or change your own settings", "查看或修改你的个人设置"),
    CMD_SETTINGS_SERVER("Show or change this server's settings (changes: Manage Server)", "查看或修改本服务器的设置（修改需管理服务器权限）"),
    CMD_STATS("Your stats card: mastery, 12 weeks of reviews, what is due", "你的学习统计卡：掌握度、近 12 周复习、到期题目"),
    CMD_LEADERBOARD("This week's ranking in this server (members who opted in)", "本服务器本周排行榜（仅限选择加入的成员）"),
    CMD_EXPORT("Your misses or all your cards, as a file for Anki", "把错题或全部题目导出为 Anki 文件"),
    OPT_SCOPE("misses: last graded Again or Hard (default); all: every card", "misses：最近评为重来或困难（默认）；all：全部"),
    OPT_FORMAT("Anki's text import (default) or CSV", "Anki 文本导入格式（默认）或 CSV"),
    OPT_SERVER_ZONE("The server's IANA time zone: when the leaderboard's week starts, or auto (UTC)",
            "服务器的 IANA 时区：排行榜每周的起点；或 auto（UTC）"),
    CMD_FORGET_ME("Delete everything llmq keeps about you", "删除 llmq 保存的所有关于你的数据"),
    OPT_SETTING_LANG("Reply language; auto follows your Discord language", "回复语言；auto 跟随你的 Discord 语言"),
    OPT_SERVER_LANG("The server's default language; auto follows each member's", "服务器默认语言；auto 跟随每位成员的语言"),
    OPT_SETTING_ZONE("Your IANA time zone, e.g. Asia/Shanghai, or auto (UTC)", "你的 IANA 时区，例如 Asia/Shanghai；或 auto（UTC）"),
    OPT_REMIND("A daily reminder at HH:MM your time, or off", "每天 HH:MM（你的时间）提醒；或 off"),
    OPT_STREAKS("Count your streak of study days", "统计你的连续学习天数"),
    OPT_LEADERBOARD("Appear in the weekly leaderboard", "参与每周排行榜"),
    OPT_SERVER_PUBLIC("Reveal answers to the channel by default", "默认向频道公开答案"),
    OPT_TOPIC("Topic: id, alias or name in English or Chinese", "主题：id、别名或中英文名称"),
    OPT_DIFFICULTY("1 easy, 2 medium, 3 hard", "1 简单，2 中等，3 困难"),
    OPT_LANG("Language (default: your Discord language)", "语言（默认跟随你的 Discord 语言）"),
    OPT_PUBLIC("Reveal the answer to everyone", "向所有人公开答案"),
    OPT_CHANNEL("The channel to post in", "发布题目的频道"),
    OPT_TIME("Time on a 24-hour clock, HH:MM", "24 小时制时间，HH:MM"),
    OPT_ZONE("IANA time zone, e.g. Asia/Shanghai", "IANA 时区，例如 Asia/Shanghai"),
    OPT_WEEKDAYS("Days: daily, weekdays, weekends, mon-fri or mon,wed,fri", "星期：daily、weekdays、weekends、mon-fri 或 mon,wed,fri"),
    OPT_TOPICS("Topics to draw from, separated by spaces (default: all)", "出题主题，用空格分隔（默认全部）"),
    OPT_DAILY_LANG("Language of the posts", "发布语言"),
    ANY_TOPIC("any topic", "任意主题"),
    DISCORD_HELP_MORE("Also: /llmq-topics, /llmq-help and /llmq-daily (set, off and now need Manage Server).",
            "另有：/llmq-topics、/llmq-help 和 /llmq-daily（set、off、now 需要管理服务器权限）。"),
    DISCORD_CANNOT_POST("I can't post in %s: I need the permissions %s there.", "我无法在 %s 发布：需要该频道的权限 %s。"),
    DISCORD_NOT_TEXT("Daily questions go to a text or announcement channel.", "每日一题只能发布到文字频道或公告频道。"),
    DISCORD_GUILD_ONLY("This command works in a server, not in direct messages.", "此命令只能在服务器中使用，不能在私信中使用。"),
    DISCORD_FAILED("Something went wrong; please try again.", "出错了，请稍后再试。"),
    DAILY_THREAD("Discuss: %s", "讨论：%s");

    private final String en;
    private final String zh;

    DiscordText(String en, String zh) {
        this.en = en;
        this.zh = zh;
    }

    @Override
    public String raw(Lang lang) {
        return lang == Lang.ZH ? zh : en;
    }
}
