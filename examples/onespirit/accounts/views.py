from django.contrib.auth.decorators import login_required
from django.shortcuts import render

from .models import Profile


@login_required
def profile(request):
    user_profile, _ = Profile.objects.get_or_create(user=request.user)
    return render(request, 'accounts/profile.html', {'profile': user_profile})
