package dev.tenantcore.shared.application;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FieldChangeTest {

    @Test
    void unchangedIsNotAChangeAndKeepsTheCurrentValue() {
        FieldChange<String> change = FieldChange.unchanged();

        assertThat(change.isChange()).isFalse();
        assertThat(change.orElse("current")).isEqualTo("current");
    }

    @Test
    void toAValueIsAChangeAndReplacesTheCurrentValue() {
        FieldChange<String> change = FieldChange.to("new");

        assertThat(change.isChange()).isTrue();
        assertThat(change.orElse("current")).isEqualTo("new");
    }

    @Test
    void toNullIsAChangeThatClearsTheCurrentValue() {
        // PATCH with an explicit null must clear the field, unlike a field left out of the request.
        FieldChange<String> change = FieldChange.to(null);

        assertThat(change.isChange()).isTrue();
        assertThat(change.orElse("current")).isNull();
    }

    @Test
    void unchangedKeepsEvenANullCurrentValue() {
        FieldChange<String> change = FieldChange.unchanged();

        assertThat(change.orElse(null)).isNull();
    }

    @Test
    void mapConvertsAValueAndKeepsUnchangedAndNullAsTheyAre() {
        FieldChange<String> unchanged = FieldChange.unchanged();

        assertThat(FieldChange.to("42").map(Integer::valueOf)).isEqualTo(FieldChange.to(42));
        assertThat(FieldChange.<String>to(null).map(Integer::valueOf)).isEqualTo(FieldChange.to((Integer) null));
        assertThat(unchanged.map(Integer::valueOf).isChange()).isFalse();
    }

    @Test
    void changesToTheSameValueAreEqualAndUnchangedIsOneValueForEveryType() {
        assertThat(FieldChange.to("x")).isEqualTo(FieldChange.to("x"));
        assertThat(FieldChange.to((String) null)).isEqualTo(FieldChange.to((String) null));
        assertThat(FieldChange.to("x")).isNotEqualTo(FieldChange.to("y"));
        assertThat(FieldChange.<String>unchanged()).isSameAs(FieldChange.<Integer>unchanged());
        assertThat(FieldChange.<String>unchanged()).isNotEqualTo(FieldChange.to((String) null));
    }
}
