"""A believable demo city around Zhangzhou (漳州): places, people, employers and jobs, generated without a database."""
