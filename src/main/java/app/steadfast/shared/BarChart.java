package app.steadfast.shared;

import java.util.List;

/**
 * A small bar chart drawn on the server as SVG (so it shows without JavaScript), always
 * next to a table of the same figures. Heights are shares of the top value.
 *
 * @param label what it shows, read out by screen readers in place of the picture
 * @param top the label of the top of the scale ("100%", "10")
 * @param bars the bars, left to right
 */
public record BarChart(String label, String top, List<Bar> bars) {

	public BarChart {
		bars = List.copyOf(bars);
	}

	/**
	 * The drawing's width in its own units: room for at least six bars, so a first week's
	 * single bar keeps the size it will have among others instead of filling the page.
	 */
	public int width() {
		return Math.max(this.bars.size(), 6) * 40 + 40;
	}

	/**
	 * One bar.
	 *
	 * @param tick its label under the axis
	 * @param share its height as a share of the top, 0 to 1, or {@code null} for no bar
	 * @param partial whether its period is still under way (drawn lighter)
	 * @param second a second bar beside it, in the second colour, or {@code null}
	 */
	public record Bar(String tick, Double share, boolean partial, Double second) {

		/**
		 * Its height in the chart's 100-unit scale (at least 1 so a zero still shows).
		 */
		public int height() {
			return (this.share == null) ? 0 : Math.max(1, (int) Math.round(100 * this.share));
		}

		/** The second bar's height in the same scale. */
		public int secondHeight() {
			return (this.second == null) ? 0 : Math.max(1, (int) Math.round(100 * this.second));
		}

	}

}
